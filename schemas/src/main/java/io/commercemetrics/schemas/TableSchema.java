package io.commercemetrics.schemas;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An ordered list of fields with a name: an input source of DATA.md or a metric table of
 * METRICS.md.
 *
 * @param name       the source or table name ({@code orders}, {@code repurchase_cohort})
 * @param fields     the columns in contract order
 * @param uniqueKey  the fields that identify a row (a later duplicate is quarantined); empty when
 *                   the source has none or, like orders, keeps versions instead
 */
public record TableSchema(String name, List<Field> fields, List<String> uniqueKey) {

    public TableSchema {
        fields = List.copyOf(fields);
        uniqueKey = List.copyOf(uniqueKey);
        Map<String, Field> byName = fields.stream()
                .collect(Collectors.toMap(Field::name, Function.identity()));
        if (byName.size() != fields.size()) {
            throw new IllegalArgumentException("duplicate column in " + name);
        }
        for (String key : uniqueKey) {
            if (!byName.containsKey(key)) {
                throw new IllegalArgumentException(name + ": unique key column " + key + " is not a field");
            }
        }
    }

    public Optional<Field> field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }

    /** The field whose name equals {@code header} ignoring case, as DATA.md matches headers. */
    public Optional<Field> fieldForHeader(String header) {
        String wanted = header.toLowerCase(Locale.ROOT);
        return fields.stream().filter(f -> f.name().equals(wanted)).findFirst();
    }

    public int indexOf(String fieldName) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(fieldName)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name + " has no column " + fieldName);
    }

    public List<String> columnNames() {
        return fields.stream().map(Field::name).toList();
    }

    public List<Field> requiredFields() {
        return fields.stream().filter(Field::required).toList();
    }
}
