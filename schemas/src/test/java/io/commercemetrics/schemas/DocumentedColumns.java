package io.commercemetrics.schemas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the column lists out of the project's markdown: {@code docs/inputs.md} and
 * {@code docs/metrics.md} in the repository, and the reference {@code spec/DATA.md} and
 * {@code spec/METRICS.md} beside it. Each result maps a table name to its columns in document order.
 */
final class DocumentedColumns {

    /**
     * One documented column.
     *
     * @param type the type word of the document (lower case, e.g. {@code decimal}, {@code money}),
     *             or null where the document gives none that the code's types can be compared with
     */
    record Column(String name, boolean required, String type) {

        @Override
        public String toString() {
            return name + (required ? " (R)" : "") + (type == null ? "" : " " + type);
        }
    }

    private static final Pattern TABLE_NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private DocumentedColumns() {
    }

    /**
     * docs/inputs.md: under {@code ## Sources}, each {@code ### <source>} heading followed by a table
     * whose header starts {@code | field | type |}; a field cell reads {@code name} or {@code name (R)}.
     */
    static Map<String, List<Column>> inputsDoc(List<String> lines) {
        return fieldTables(lines, true);
    }

    /** The reference spec/DATA.md: the same shape, but its type cells mix types and checks. */
    static Map<String, List<Column>> referenceData(List<String> lines) {
        return fieldTables(lines, false);
    }

    /**
     * docs/metrics.md: each {@code ### <table>} heading (a single lower-case name) followed by a
     * table whose header starts {@code | column | type |}.
     */
    static Map<String, List<Column>> metricsDoc(List<String> lines) {
        Map<String, List<Column>> result = new LinkedHashMap<>();
        String current = null;
        boolean inColumns = false;
        for (String line : lines) {
            if (line.startsWith("#")) {
                String heading = line.replaceFirst("^#+\\s*", "").trim();
                current = line.startsWith("### ") && TABLE_NAME.matcher(heading).matches() ? heading : null;
                inColumns = false;
                continue;
            }
            if (current == null || !line.startsWith("|")) {
                if (inColumns && !line.startsWith("|")) {
                    // the first table after the heading is the column list; later ones are examples
                    current = null;
                    inColumns = false;
                }
                continue;
            }
            List<String> cells = cells(line);
            if (!inColumns) {
                if (cells.size() >= 2 && cells.get(0).equals("column") && cells.get(1).equals("type")) {
                    inColumns = true;
                    result.put(current, new ArrayList<>());
                } else {
                    current = null;
                }
            } else if (!isRule(cells)) {
                result.get(current).add(new Column(unquote(cells.get(0)), false,
                        cells.get(1).toLowerCase(Locale.ROOT)));
            }
        }
        return result;
    }

    /** The reference spec/METRICS.md: {@code **table** (col, col, ...)}, the list possibly on the next line. */
    static Map<String, List<Column>> referenceMetrics(String text) {
        Matcher m = Pattern.compile("\\*\\*([a-z][a-z0-9_]*)\\*\\*[^`*]*?`\\(([^)]*)\\)`").matcher(text);
        Map<String, List<Column>> result = new LinkedHashMap<>();
        while (m.find()) {
            List<Column> columns = new ArrayList<>();
            for (String name : m.group(2).split(",\\s*")) {
                columns.add(new Column(name.trim(), false, null));
            }
            result.put(m.group(1), columns);
        }
        return result;
    }

    private static Map<String, List<Column>> fieldTables(List<String> lines, boolean withTypes) {
        Map<String, List<Column>> result = new LinkedHashMap<>();
        boolean inSources = false;
        String current = null;
        boolean inFields = false;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                inSources = line.substring(3).trim().equals("Sources");
                current = null;
                continue;
            }
            if (!inSources) {
                continue;
            }
            if (line.startsWith("### ")) {
                current = line.substring(4).trim().split("\\s+")[0];
                inFields = false;
                continue;
            }
            if (current == null || !line.startsWith("|")) {
                if (inFields) {
                    current = null;
                    inFields = false;
                }
                continue;
            }
            List<String> cells = cells(line);
            if (!inFields) {
                if (cells.size() >= 2 && cells.get(0).equals("field") && cells.get(1).equals("type")) {
                    inFields = true;
                    result.put(current, new ArrayList<>());
                } else {
                    current = null;
                }
            } else if (!isRule(cells)) {
                String field = unquote(cells.get(0));
                boolean required = field.endsWith("(R)");
                String name = required ? field.substring(0, field.length() - 3).trim() : field;
                String type = withTypes ? cells.get(1).toLowerCase(Locale.ROOT).split("\\s+")[0] : null;
                result.get(current).add(new Column(unquote(name), required, type));
            }
        }
        return result;
    }

    private static List<String> cells(String row) {
        String inner = row.trim();
        inner = inner.substring(1, inner.endsWith("|") && inner.length() > 1 ? inner.length() - 1 : inner.length());
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("\\|", -1)) {
            cells.add(cell.trim());
        }
        return cells;
    }

    private static boolean isRule(List<String> cells) {
        return cells.stream().allMatch(c -> c.matches(":?-+:?"));
    }

    private static String unquote(String cell) {
        return cell.replace("`", "").trim();
    }
}
