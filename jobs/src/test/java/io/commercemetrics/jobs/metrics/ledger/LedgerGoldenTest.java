package io.commercemetrics.jobs.metrics.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercemetrics.jobs.config.ConfigLoader;
import io.commercemetrics.jobs.config.PipelineConfig;
import io.commercemetrics.jobs.metrics.MetricsContext;
import io.commercemetrics.jobs.metrics.golden.GoldenInputs;
import io.commercemetrics.jobs.metrics.golden.GoldenTables;
import io.commercemetrics.jobs.spark.SharedSpark;
import io.commercemetrics.schemas.MetricTables;
import io.commercemetrics.schemas.TableSchema;
import io.commercemetrics.schemas.export.ExportFormat;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The hand-worked golden cases of the ledger (one folder each under {@code golden/ledger}, with a
 * README.md holding the arithmetic), and the statement invariant of METRICS.md. A case compares
 * every table it has an {@code expected/<table>.csv} for; its {@code config.yaml} is laid over the
 * defaults and an {@code as-of.txt} fixes the data end (else: local date of the latest order_ts).
 */
class LedgerGoldenTest {

    private static final List<TableSchema> TABLES = List.of(MetricTables.ORDER_ATTRIBUTION,
            MetricTables.COMMISSION_LINES, MetricTables.COMMISSION_REVERSALS, MetricTables.COMMISSION_STATEMENT,
            MetricTables.RECONCILIATION);

    @AfterAll
    static void resetZone() {
        SharedSpark.withTimeZone(ZoneId.of("UTC"));
    }

    @TestFactory
    Stream<DynamicTest> goldenCases() throws IOException, URISyntaxException {
        try (Stream<Path> cases = Files.list(root())) {
            return cases.filter(Files::isDirectory).sorted().toList().stream()
                    .map(caseDir -> DynamicTest.dynamicTest(caseDir.getFileName().toString(), () -> check(caseDir)));
        }
    }

    /** For every sharer and currency: sum of payable = sum of paid + the last month's closing balance. */
    @Test
    void payableOverAllMonthsEqualsPaidPlusLastClosingBalance() throws Exception {
        Dataset<Row> statement = run(root().resolve("statement-reconciliation")).commissionStatement();
        List<Row> rows = statement.orderBy("sharer_id", "currency", "period").collectAsList();
        assertThat(rows).hasSizeGreaterThan(5);
        Map<String, BigDecimal[]> sums = new HashMap<>(); // payable, paid, last closing
        for (Row row : rows) {
            BigDecimal[] sum = sums.computeIfAbsent(row.getAs("sharer_id") + "/" + row.getAs("currency"),
                    k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            sum[0] = sum[0].add(row.getAs("payable"));
            sum[1] = sum[1].add(row.getAs("paid"));
            sum[2] = row.getAs("closing_balance");
        }
        assertThat(sums).hasSizeGreaterThan(2);
        sums.forEach((key, sum) -> assertThat(sum[0]).as(key).isEqualByComparingTo(sum[1].add(sum[2])));
    }

    private static void check(Path caseDir) throws IOException {
        LedgerTables tables = run(caseDir);
        PipelineConfig config = config(caseDir);
        ExportFormat format = new ExportFormat(config.reporting().timeZone(), config.reporting().currency());
        List<Dataset<Row>> computed = List.of(tables.orderAttribution(), tables.commissionLines(),
                tables.commissionReversals(), tables.commissionStatement(), tables.reconciliation());
        int compared = 0;
        for (int i = 0; i < TABLES.size(); i++) {
            if (Files.exists(caseDir.resolve("expected").resolve(TABLES.get(i).name() + ".csv"))) {
                GoldenTables.assertMatches(caseDir, TABLES.get(i), computed.get(i), format);
                compared++;
            }
        }
        assertThat(compared).as("expected tables in " + caseDir).isPositive();
    }

    private static LedgerTables run(Path caseDir) throws IOException {
        PipelineConfig config = config(caseDir);
        SparkSession spark = SharedSpark.withTimeZone(config.reporting().timeZone());
        GoldenInputs.register(spark, caseDir);
        Path asOf = caseDir.resolve("as-of.txt");
        LocalDate dataEnd = Files.exists(asOf)
                ? LocalDate.parse(Files.readString(asOf).trim())
                : spark.sql("SELECT max(to_date(order_ts)) FROM orders").first().getAs(0);
        return ReferralLedger.compute(new MetricsContext(spark, config, dataEnd, config.reporting().currency()));
    }

    private static PipelineConfig config(Path caseDir) {
        return ConfigLoader.defaults().withOptionalFile(caseDir.resolve("config.yaml")).load();
    }

    private static Path root() throws URISyntaxException {
        return Path.of(LedgerGoldenTest.class.getResource("/golden/ledger").toURI());
    }
}
