package io.commercemetrics.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercemetrics.schemas.MetricTables;
import io.commercemetrics.schemas.TableSchema;
import io.commercemetrics.warehouse.MetricsRunRecord;
import io.commercemetrics.warehouse.MonthClose;
import io.commercemetrics.warehouse.PeriodCloses;
import io.commercemetrics.warehouse.RunRecords;
import io.commercemetrics.warehouse.TableIds;
import io.commercemetrics.warehouse.TableWriter;
import io.commercemetrics.warehouse.Warehouse;
import io.commercemetrics.warehouse.WarehouseCatalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Table;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code close} and {@code reopen} on a warehouse whose latest metrics run has statement rows for
 * September and October 2026 and data through 2026-10-20: what each refuses (exit 2, the reason, and
 * no tag and no close record written) and what a close and a reopen leave behind.
 */
class CloseCommandTest {

    private static final YearMonth SEPTEMBER = YearMonth.of(2026, 9);
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    @TempDir
    Path dir;

    Path warehouse;
    String runId = "20261021T060000Z-metrics";

    @BeforeEach
    void aWarehouseWithOneMetricsRun() {
        warehouse = dir.resolve("warehouse");
        try (WarehouseCatalog catalog = WarehouseCatalog.openEmbedded(new Warehouse(warehouse))) {
            TableWriter writer = new TableWriter(catalog);
            Map<String, Long> snapshots = new LinkedHashMap<>();
            for (TableSchema table : MonthClose.FROZEN_TABLES) {
                List<Object[]> rows = new ArrayList<>();
                if (table == MetricTables.COMMISSION_STATEMENT) {
                    rows.add(statementRow(SEPTEMBER));
                    rows.add(statementRow(OCTOBER));
                }
                snapshots.put(table.name(), writer.replace(TableIds.metric(table.name()), table, rows));
            }
            new RunRecords(catalog).publish(new MetricsRunRecord(runId, "2026-10-21T06:00:00Z", "2026-10-20",
                    "UTC", "CNY", List.of("default"), List.of(), snapshots, Map.of()));
        }
    }

    @Test
    void aMonthWhoseDataAreNotCompleteIsRefusedUnlessForcedAndNothingIsWritten() {
        Result result = run("close", "--month", "2026-10");

        assertThat(result.exit).isEqualTo(2);
        assertThat(result.err).contains("2026-10 is not complete: the latest metrics run (" + runId
                + ") has data through 2026-10-20 only", "--force");
        assertNothingClosed();
    }

    @Test
    void aMonthAfterTheDataIsRefusedEvenWhenForced() {
        Result result = run("close", "--month", "2026-11", "--force");

        assertThat(result.exit).isEqualTo(2);
        assertThat(result.err).contains("has no data of 2026-11 yet: its data end on 2026-10-20");
        assertNothingClosed();
    }

    @Test
    void monthsCloseInOrder() {
        Result result = run("close", "--month", "2026-10", "--force");

        assertThat(result.exit).isEqualTo(2);
        assertThat(result.err).contains("months close in order: close 2026-09 first");
        assertNothingClosed();
    }

    @Test
    void aCompleteMonthIsClosedOnceWithItsTablesTaggedAndTheCloseRecorded() {
        Result closed = run("close", "--month", "2026-09", "--by", "finance-lead");

        assertThat(closed.exit).as(closed.err).isZero();
        try (WarehouseCatalog catalog = catalog()) {
            MetricsRunRecord run = new RunRecords(catalog).latest().orElseThrow();
            for (TableSchema table : MonthClose.FROZEN_TABLES) {
                Table iceberg = catalog.load(TableIds.metric(table.name())).orElseThrow();
                assertThat(iceberg.refs().get("closed-2026-09").snapshotId()).as(table.name())
                        .isEqualTo(run.metricSnapshots().get(table.name()));
            }
            assertThat(new PeriodCloses(catalog).inForce()).singleElement().satisfies(close -> {
                assertThat(close.month()).isEqualTo(SEPTEMBER);
                assertThat(close.runId()).isEqualTo(runId);
                assertThat(close.dataEnd()).hasToString("2026-10-20");
                assertThat(close.closedBy()).isEqualTo("finance-lead");
            });
        }

        Result again = run("close", "--month", "2026-09");

        assertThat(again.exit).isEqualTo(2);
        assertThat(again.err).contains("2026-09 is closed already (by finance-lead at ", "run " + runId,
                "reopen it first");
        try (WarehouseCatalog catalog = catalog()) {
            assertThat(new PeriodCloses(catalog).history()).hasSize(1);
        }
    }

    @Test
    void reopenNeedsAReasonAndTakesTheLatestClosedMonthOnly() {
        assertThat(run("close", "--month", "2026-09").exit).isZero();
        assertThat(run("close", "--month", "2026-10", "--force").exit).isZero();

        Result noReason = run("reopen", "--month", "2026-10");
        assertThat(noReason.exit).isEqualTo(2);
        assertThat(noReason.err).contains("Missing required option: '--reason=TEXT'");

        Result blankReason = run("reopen", "--month", "2026-10", "--reason", " ");
        assertThat(blankReason.exit).isEqualTo(2);
        assertThat(blankReason.err).contains("--reason: say why 2026-10 is reopened");

        Result outOfOrder = run("reopen", "--month", "2026-09", "--reason", "late refunds");
        assertThat(outOfOrder.exit).isEqualTo(2);
        assertThat(outOfOrder.err).contains("months reopen in reverse order: reopen 2026-10 first");
        try (WarehouseCatalog catalog = catalog()) {
            assertThat(new PeriodCloses(catalog).inForce()).extracting(PeriodCloses.Close::month)
                    .containsExactly(SEPTEMBER, OCTOBER);
        }

        Result reopened = run("reopen", "--month", "2026-10", "--reason", "closed before the payouts", "--by", "cfo");

        assertThat(reopened.exit).as(reopened.err).isZero();
        try (WarehouseCatalog catalog = catalog()) {
            PeriodCloses closes = new PeriodCloses(catalog);
            assertThat(closes.latest().orElseThrow().month()).isEqualTo(SEPTEMBER);
            assertThat(closes.history()).filteredOn(close -> !close.inForce()).singleElement().satisfies(close -> {
                assertThat(close.month()).isEqualTo(OCTOBER);
                assertThat(close.reopenedBy()).isEqualTo("cfo");
                assertThat(close.reopenReason()).isEqualTo("closed before the payouts");
            });
            Table statement = catalog.load(TableIds.metric(MetricTables.COMMISSION_STATEMENT.name())).orElseThrow();
            assertThat(statement.refs()).containsKey("closed-2026-09").doesNotContainKey("closed-2026-10");
        }
        assertThat(runsListing()).contains("2026-09  closed by ", "2026-10  closed by ",
                "reopened by cfo at ", ": closed before the payouts");

        Result closedAgain = run("close", "--month", "2026-10", "--force");
        assertThat(closedAgain.exit).as("closed again from the run made before the reopen").isEqualTo(2);
        assertThat(closedAgain.err).contains("2026-10 was reopened after the latest metrics run (" + runId
                + "): run metrics, then close 2026-10");
    }

    @Test
    void aMalformedMonthIsAUsageError() {
        Result result = run("close", "--month", "September");

        assertThat(result.exit).isEqualTo(2);
        assertThat(result.err).contains("--month September: write a month as YYYY-MM");
    }

    private void assertNothingClosed() {
        try (WarehouseCatalog catalog = catalog()) {
            assertThat(new PeriodCloses(catalog).history()).isEmpty();
            for (TableSchema table : MonthClose.FROZEN_TABLES) {
                Table iceberg = catalog.load(TableIds.metric(table.name())).orElseThrow();
                assertThat(iceberg.refs().keySet()).as(table.name()).noneMatch(tag -> tag.startsWith("closed-"));
            }
        }
    }

    private static Object[] statementRow(YearMonth month) {
        BigDecimal ten = new BigDecimal("10.00");
        BigDecimal zero = BigDecimal.ZERO;
        return new Object[] {month.toString(), "A", "CNY", zero, ten, ten, zero, ten, ten, ten, zero};
    }

    private WarehouseCatalog catalog() {
        return WarehouseCatalog.openEmbedded(new Warehouse(warehouse));
    }

    /** What {@code runs} prints (to the standard output, as every progress line). */
    private String runsListing() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stdout = System.out;
        try {
            System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(run("runs").exit).isZero();
        } finally {
            System.setOut(stdout);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private record Result(int exit, String err) {
    }

    private Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--warehouse");
        all.add(warehouse.toString());
        StringWriter err = new StringWriter();
        CommandLine cli = CommerceMetricsCli.commandLine();
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(all.toArray(String[]::new));
        return new Result(exit, err.toString());
    }
}
