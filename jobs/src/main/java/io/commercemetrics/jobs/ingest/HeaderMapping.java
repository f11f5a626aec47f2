package io.commercemetrics.jobs.ingest;

import io.commercemetrics.schemas.Field;
import io.commercemetrics.schemas.TableSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Maps a file's column names to the source's fields, case-insensitively (DATA.md). */
final class HeaderMapping {

    /** Per file column, the source field index, or -1 for an unknown column. */
    private final int[] fieldOfColumn;
    private final Set<String> unknown = new LinkedHashSet<>();

    private HeaderMapping(int[] fieldOfColumn) {
        this.fieldOfColumn = fieldOfColumn;
    }

    /** Rejects the file when a column repeats or a required field is missing. */
    static HeaderMapping of(TableSchema schema, List<String> header) throws FileRejectedException {
        int[] mapping = new int[header.size()];
        Arrays.fill(mapping, -1);
        Set<String> seen = new LinkedHashSet<>();
        List<String> repeated = new ArrayList<>();
        HeaderMapping result = new HeaderMapping(mapping);
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                repeated.add(name);
            }
            Optional<Field> field = schema.fieldForHeader(name);
            if (field.isPresent()) {
                mapping[i] = schema.indexOf(field.get().name());
            } else {
                result.unknown.add(name);
            }
        }
        if (!repeated.isEmpty()) {
            throw new FileRejectedException("repeated column: " + String.join(", ", repeated));
        }
        List<String> missing = schema.requiredFields().stream().map(Field::name)
                .filter(n -> !seen.contains(n)).toList();
        if (!missing.isEmpty()) {
            throw new FileRejectedException("missing required column: " + String.join(", ", missing));
        }
        return result;
    }

    int columns() {
        return fieldOfColumn.length;
    }

    int fieldOf(int column) {
        return fieldOfColumn[column];
    }

    Set<String> unknownColumns() {
        return unknown;
    }
}
