package io.commercemetrics.jobs.metrics.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercemetrics.jobs.config.ConfigLoader;
import io.commercemetrics.jobs.config.PipelineConfig;
import io.commercemetrics.jobs.metrics.MetricsContext;
import io.commercemetrics.jobs.metrics.golden.GoldenInputs;
import io.commercemetrics.jobs.metrics.golden.GoldenTables;
import io.commercemetrics.jobs.spark.SharedSpark;
import io.commercemetrics.schemas.SparkSchemas;
import io.commercemetrics.schemas.TableSchema;
import io.commercemetrics.schemas.export.ExportFormat;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The hand-worked golden cases of the analytical tables: one folder per case under
 * {@code golden/analytics/}, with the inputs ({@code <source>.csv}, the ledger's
 * {@code order_attribution.csv} and {@code commission_lines.csv}), an optional {@code config.yaml}
 * and {@code as-of.txt}, and {@code expected/<table>.csv} for every table the case pins (a table
 * without an expected file is not checked by that case). The README of each case shows the arithmetic.
 */
class AnalyticsGoldenTest {

    @TestFactory
    Stream<DynamicTest> goldenCases() throws IOException, URISyntaxException {
        Path root = Path.of(getClass().getResource("/golden/analytics").toURI());
        List<Path> cases;
        try (Stream<Path> folders = Files.list(root)) {
            cases = folders.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(cases).isNotEmpty();
        return cases.stream().map(caseDir -> DynamicTest.dynamicTest(caseDir.getFileName().toString(),
                () -> runCase(caseDir)));
    }

    private static void runCase(Path caseDir) throws IOException {
        PipelineConfig config = ConfigLoader.defaults().withOptionalFile(caseDir.resolve("config.yaml")).load();
        SparkSession spark = SharedSpark.withTimeZone(config.reporting().timeZone());
        GoldenInputs.register(spark, caseDir);
        LedgerInputs.register(spark, caseDir);
        Path asOfFile = caseDir.resolve("as-of.txt");
        Optional<LocalDate> asOf = Files.exists(asOfFile)
                ? Optional.of(LocalDate.parse(Files.readString(asOfFile).trim())) : Optional.empty();
        LocalDate dataEnd = DataEnd.compute(spark, asOf);
        String currency = ReportingCurrency.resolve(spark, config);
        Map<TableSchema, Dataset<Row>> tables = AnalyticsMetrics.compute(new MetricsContext(spark, config, dataEnd, currency));

        ExportFormat format = new ExportFormat(config.reporting().timeZone(), currency);
        int checked = 0;
        for (Map.Entry<TableSchema, Dataset<Row>> table : tables.entrySet()) {
            assertTypes(table.getKey(), table.getValue());
            if (Files.exists(caseDir.resolve("expected").resolve(table.getKey().name() + ".csv"))) {
                GoldenTables.assertMatches(caseDir, table.getKey(), table.getValue(), format);
                checked++;
            } else {
                table.getValue().collectAsList(); // not pinned by this case, but must run on its inputs
            }
        }
        assertThat(checked).as("tables pinned by " + caseDir.getFileName()).isPositive();
    }

    private static void assertTypes(TableSchema table, Dataset<Row> rows) {
        List<String> actual = Stream.of(rows.schema().fields()).map(f -> f.name() + ":" + f.dataType()).toList();
        List<String> expected = Stream.of(SparkSchemas.toStructType(table).fields())
                .map((StructField f) -> f.name() + ":" + f.dataType()).toList();
        assertThat(actual).as(table.name() + " schema").isEqualTo(expected);
    }
}
