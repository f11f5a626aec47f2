package io.commercemetrics.schemas;

import io.commercemetrics.schemas.DocumentedColumns.Column;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Compares two descriptions of the same tables (the code's schemas and a document, or a document
 * and the reference) and lists every difference in words: a table or column on one side only, a
 * required mark (R) or a type that differs, columns in another order.
 */
final class SchemaContract {

    /** The type words of docs/inputs.md. */
    static final Function<FieldType, String> INPUT_TYPE_WORDS = type -> switch (type) {
        case STRING -> "string";
        case INT, LONG -> "int";
        case DECIMAL -> "decimal";
        case DATE -> "date";
        case TIMESTAMP -> "timestamp";
        case RATIO -> "ratio";
        case BOOLEAN -> "boolean";
    };

    /** The type words of docs/metrics.md. */
    static final Function<FieldType, String> METRIC_TYPE_WORDS = type -> switch (type) {
        case STRING -> "text";
        case INT, LONG -> "integer";
        case DECIMAL -> "money";
        case RATIO -> "ratio";
        case DATE -> "date";
        case TIMESTAMP -> "timestamp";
        case BOOLEAN -> "boolean";
    };

    private SchemaContract() {
    }

    /** The code's schemas in the documents' terms. */
    static Map<String, List<Column>> declared(List<TableSchema> tables, Function<FieldType, String> typeWords) {
        Map<String, List<Column>> result = new LinkedHashMap<>();
        for (TableSchema table : tables) {
            result.put(table.name(), table.fields().stream()
                    .map(f -> new Column(f.name(), f.required(), typeWords.apply(f.type()))).toList());
        }
        return result;
    }

    /**
     * Every way {@code actual} differs from {@code expected}; types are compared only where both
     * sides give one. Empty when they agree.
     */
    static List<String> differences(String expectedLabel, Map<String, List<Column>> expected,
                                    String actualLabel, Map<String, List<Column>> actual) {
        List<String> problems = new ArrayList<>();
        for (String table : expected.keySet()) {
            if (!actual.containsKey(table)) {
                problems.add("table " + table + " is in " + expectedLabel + " but not in " + actualLabel);
            }
        }
        for (String table : actual.keySet()) {
            if (!expected.containsKey(table)) {
                problems.add("table " + table + " is in " + actualLabel + " but not in " + expectedLabel);
            }
        }
        for (Map.Entry<String, List<Column>> entry : expected.entrySet()) {
            List<Column> other = actual.get(entry.getKey());
            if (other != null) {
                compareColumns(entry.getKey(), expectedLabel, entry.getValue(), actualLabel, other, problems);
            }
        }
        return problems;
    }

    private static void compareColumns(String table, String expectedLabel, List<Column> expected,
                                       String actualLabel, List<Column> actual, List<String> problems) {
        Map<String, Column> actualByName = new LinkedHashMap<>();
        actual.forEach(c -> actualByName.put(c.name(), c));
        Set<String> expectedNames = new LinkedHashSet<>();
        for (Column column : expected) {
            expectedNames.add(column.name());
            Column other = actualByName.get(column.name());
            String where = table + "." + column.name();
            if (other == null) {
                problems.add(where + " is in " + expectedLabel + " but missing from " + actualLabel);
                continue;
            }
            if (column.required() != other.required()) {
                problems.add(where + " is " + mark(column.required()) + " in " + expectedLabel + " but "
                        + mark(other.required()) + " in " + actualLabel);
            }
            if (column.type() != null && other.type() != null && !column.type().equals(other.type())) {
                problems.add(where + " has type " + column.type() + " in " + expectedLabel + " but "
                        + other.type() + " in " + actualLabel);
            }
        }
        for (Column column : actual) {
            if (!expectedNames.contains(column.name())) {
                problems.add(table + "." + column.name() + " is in " + actualLabel + " but missing from "
                        + expectedLabel);
            }
        }
        List<String> expectedOrder = expected.stream().map(Column::name).filter(actualByName::containsKey).toList();
        List<String> actualOrder = actual.stream().map(Column::name).filter(expectedNames::contains).toList();
        if (!Objects.equals(expectedOrder, actualOrder)) {
            problems.add(table + " lists its columns in another order: " + expectedLabel + " " + expectedOrder
                    + ", " + actualLabel + " " + actualOrder);
        }
    }

    private static String mark(boolean required) {
        return required ? "required (R)" : "optional";
    }
}
