package io.commercemetrics.jobs.metrics.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.time.YearMonth;
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
import org.junit.jupiter.api.TestFactory;

/**
 * The hand-worked period-close cases under {@code golden/period-close} (README.md in each holds the
 * arithmetic): the ledger is computed on {@code before-close/}, the month of {@code close.txt} is
 * closed on that result, then the ledger is computed again on {@code after-close/} (late data) with
 * the closed books. Each stage is compared with its {@code <stage>/expected/<table>.csv}; the closed
 * months' statement and reconciliation rows must come out of the second run character for character
 * as the first run exported them, and the statement must still balance.
 */
class PeriodCloseGoldenTest {

    private static final List<TableSchema> TABLES = List.of(MetricTables.COMMISSION_LINES,
            MetricTables.COMMISSION_REVERSALS, MetricTables.COMMISSION_STATEMENT, MetricTables.RECONCILIATION,
            MetricTables.COMMISSION_ADJUSTMENTS);

    @AfterAll
    static void resetZone() {
        SharedSpark.withTimeZone(ZoneId.of("UTC"));
    }

    @TestFactory
    Stream<DynamicTest> closedMonthsStayAsTheyWereAndLateDataIsPostedToTheFirstOpenMonth()
            throws IOException, URISyntaxException {
        Path root = Path.of(PeriodCloseGoldenTest.class.getResource("/golden/period-close").toURI());
        try (Stream<Path> cases = Files.list(root)) {
            return cases.filter(Files::isDirectory).sorted().toList().stream()
                    .map(caseDir -> DynamicTest.dynamicTest(caseDir.getFileName().toString(), () -> check(caseDir)));
        }
    }

    private static void check(Path caseDir) throws IOException {
        YearMonth closedMonth = YearMonth.parse(Files.readString(caseDir.resolve("close.txt")).trim());
        Stage before = Stage.run(caseDir, "before-close", ClosedBooks.none());
        before.assertMatchesExpected();
        // read now: a stage's results are the metrics run's, released when the next one registers its inputs
        List<TableSchema> frozenTables = List.of(MetricTables.COMMISSION_STATEMENT, MetricTables.RECONCILIATION);
        Map<TableSchema, String> exportedBefore = new HashMap<>();
        frozenTables.forEach(table -> exportedBefore.put(table, before.csv(table)));
        ClosedBooks closed = before.close(closedMonth);
        Stage after = Stage.run(caseDir, "after-close", closed);
        after.assertMatchesExpected();

        for (TableSchema table : frozenTables) {
            assertThat(closedMonthLines(after.csv(table), closedMonth))
                    .as("%s of the closed months after late data", table.name())
                    .isNotEmpty()
                    .isEqualTo(closedMonthLines(exportedBefore.get(table), closedMonth));
        }
        assertBalances(after.tables.commissionStatement());

        assertThatThrownBy(() -> Stage.run(caseDir, "after-close", closed, closedMonth.atEndOfMonth()))
                .as("a run whose data end in the closed month has no open month to post to")
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is in a closed month (closed through " + closedMonth + ")");
    }

    /** The export's lines whose first column, the month, is closed. */
    private static List<String> closedMonthLines(String csv, YearMonth closedThrough) {
        return csv.lines().skip(1)
                .filter(line -> !YearMonth.parse(line.substring(0, 7)).isAfter(closedThrough))
                .toList();
    }

    /** For every sharer and currency: sum of payable = sum of paid + the last month's closing balance. */
    private static void assertBalances(Dataset<Row> statement) {
        Map<String, BigDecimal[]> sums = new HashMap<>();
        for (Row row : statement.orderBy("sharer_id", "currency", "period").collectAsList()) {
            BigDecimal[] sum = sums.computeIfAbsent(row.getAs("sharer_id") + "/" + row.getAs("currency"),
                    k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            sum[0] = sum[0].add(row.getAs("payable"));
            sum[1] = sum[1].add(row.getAs("paid"));
            sum[2] = row.getAs("closing_balance");
        }
        assertThat(sums).isNotEmpty();
        sums.forEach((key, sum) -> assertThat(sum[0]).as(key).isEqualByComparingTo(sum[1].add(sum[2])));
    }

    /** One computation of the ledger on one stage's inputs. */
    private record Stage(Path caseDir, String name, LocalDate dataEnd, ExportFormat format, LedgerTables tables) {

        static Stage run(Path caseDir, String name, ClosedBooks closed) throws IOException {
            return run(caseDir, name, closed,
                    LocalDate.parse(Files.readString(caseDir.resolve(name).resolve("as-of.txt")).trim()));
        }

        static Stage run(Path caseDir, String name, ClosedBooks closed, LocalDate dataEnd) throws IOException {
            PipelineConfig config = ConfigLoader.defaults().withOptionalFile(caseDir.resolve("config.yaml"))
                    .withOptionalFile(caseDir.resolve(name).resolve("config.yaml")).load();
            SparkSession spark = SharedSpark.withTimeZone(config.reporting().timeZone());
            GoldenInputs.register(spark, caseDir.resolve(name));
            LedgerTables tables = ReferralLedger.compute(
                    new MetricsContext(spark, config, dataEnd, config.reporting().currency()), closed);
            return new Stage(caseDir, name, dataEnd,
                    new ExportFormat(config.reporting().timeZone(), config.reporting().currency()), tables);
        }

        /**
         * The books as a close would tag them: this stage's tables, collected, so that they stay as they
         * are when the next stage registers its own inputs.
         */
        ClosedBooks close(YearMonth month) {
            return new ClosedBooks(month, dataEnd, frozen(tables.commissionLines()),
                    frozen(tables.commissionReversals()), frozen(tables.commissionStatement()),
                    frozen(tables.reconciliation()), frozen(tables.commissionAdjustments()));
        }

        private static Dataset<Row> frozen(Dataset<Row> table) {
            SparkSession spark = table.sparkSession();
            return spark.createDataFrame(table.collectAsList(), table.schema());
        }

        String csv(TableSchema table) {
            return GoldenTables.toCsv(table, dataset(table), format);
        }

        void assertMatchesExpected() {
            Path stage = caseDir.resolve(name);
            int compared = 0;
            for (TableSchema table : TABLES) {
                if (Files.exists(stage.resolve("expected").resolve(table.name() + ".csv"))) {
                    GoldenTables.assertMatches(stage, table, dataset(table), format);
                    compared++;
                }
            }
            assertThat(compared).as("expected tables in " + stage).isPositive();
        }

        private Dataset<Row> dataset(TableSchema table) {
            return switch (table.name()) {
                case "commission_lines" -> tables.commissionLines();
                case "commission_reversals" -> tables.commissionReversals();
                case "commission_statement" -> tables.commissionStatement();
                case "reconciliation" -> tables.reconciliation();
                case "commission_adjustments" -> tables.commissionAdjustments();
                default -> throw new IllegalArgumentException(table.name());
            };
        }
    }
}
