package io.commercemetrics.jobs.metrics.golden;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercemetrics.schemas.TableSchema;
import io.commercemetrics.schemas.export.CsvExport;
import io.commercemetrics.schemas.export.ExportFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Compares a computed metric table with its hand-worked expected CSV, both in the export format
 * of METRICS.md (so the comparison also pins column order, sorting, rounding and null rendering).
 */
public final class GoldenTables {

    private GoldenTables() {
    }

    /** The table as its CSV export; fails if the columns are not the contract's, in order. */
    public static String toCsv(TableSchema table, Dataset<Row> rows, ExportFormat format) {
        assertThat(rows.columns()).as(table.name() + " columns").containsExactlyElementsOf(table.columnNames());
        List<Object[]> values = rows.collectAsList().stream().map(GoldenTables::values).toList();
        return new CsvExport(format).toCsv(table, values);
    }

    /** Asserts the table equals {@code expected/<table>.csv} of the case, character for character. */
    public static void assertMatches(Path caseDir, TableSchema table, Dataset<Row> rows, ExportFormat format) {
        Path expected = caseDir.resolve("expected").resolve(table.name() + ".csv");
        String expectedCsv;
        try {
            expectedCsv = Files.readString(expected, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("missing golden file " + expected, e);
        }
        assertThat(toCsv(table, rows, format)).as("%s vs %s", table.name(), expected).isEqualTo(expectedCsv);
    }

    private static Object[] values(Row row) {
        Object[] values = new Object[row.length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.get(i);
        }
        return values;
    }
}
