package io.commercemetrics.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Reads the contracts in {@code ../shared/spec} and checks that the declarations here match them
 * field by field, so a change to the spec cannot drift silently from the code.
 */
class SpecContractTest {

    private static final Path SPEC = Path.of("..", "..", "shared", "spec");

    @Test
    void everySourceOfDataMdIsDeclaredWithItsFieldsAndRequiredMarks() throws IOException {
        Path dataMd = SPEC.resolve("DATA.md");
        assumeTrue(Files.exists(dataMd), "shared/spec not present");
        Map<String, List<String>> spec = sourceTables(Files.readAllLines(dataMd));

        assertThat(spec.keySet()).containsExactlyElementsOf(
                Sources.ALL.stream().map(TableSchema::name).toList());
        for (TableSchema source : Sources.ALL) {
            List<String> declared = source.fields().stream()
                    .map(f -> f.name() + (f.required() ? " (R)" : "")).toList();
            assertThat(declared).as(source.name()).containsExactlyElementsOf(spec.get(source.name()));
        }
    }

    @Test
    void everyMetricTableOfMetricsMdHasItsColumnsInOrder() throws IOException {
        Path metricsMd = SPEC.resolve("METRICS.md");
        assumeTrue(Files.exists(metricsMd), "shared/spec not present");
        String text = Files.readString(metricsMd);
        Matcher m = Pattern.compile("\\*\\*(\\w+)\\*\\*\\s*`\\(([^)]*)\\)`").matcher(text);
        Map<String, List<String>> spec = new LinkedHashMap<>();
        while (m.find()) {
            spec.put(m.group(1), List.of(m.group(2).split(",\\s*")));
        }
        // commission_statement puts its signature on the next line
        Matcher statement = Pattern.compile("\\*\\*commission_statement\\*\\*[^`]*`\\(([^)]*)\\)`").matcher(text);
        assertThat(statement.find()).isTrue();
        spec.put("commission_statement", List.of(statement.group(1).split(",\\s*")));

        assertThat(spec.keySet()).containsExactlyInAnyOrderElementsOf(
                MetricTables.ALL.stream().map(TableSchema::name).toList());
        for (TableSchema table : MetricTables.ALL) {
            assertThat(table.columnNames()).as(table.name()).containsExactlyElementsOf(spec.get(table.name()));
        }
    }

    /** {@code ### name} followed by a markdown table whose first column is {@code field (R)}. */
    private static Map<String, List<String>> sourceTables(List<String> lines) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        String current = null;
        for (String line : lines) {
            if (line.startsWith("### ")) {
                current = line.substring(4).split("\\s+")[0];
                result.put(current, new ArrayList<>());
            } else if (current != null && line.startsWith("| ") && !line.startsWith("| field")) {
                String cell = line.split("\\|")[1].trim();
                if (!cell.isEmpty() && !cell.startsWith("-")) {
                    result.get(current).add(cell);
                }
            } else if (line.startsWith("## ")) {
                current = null;
            }
        }
        return result;
    }
}
