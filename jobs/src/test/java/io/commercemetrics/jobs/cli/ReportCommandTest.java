package io.commercemetrics.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercemetrics.jobs.warehouse.WarehouseContents;
import io.commercemetrics.schemas.MetricTables;
import io.commercemetrics.warehouse.MetricsRunRecord;
import io.commercemetrics.warehouse.RunRecords;
import io.commercemetrics.warehouse.TableIds;
import io.commercemetrics.warehouse.TableWriter;
import io.commercemetrics.warehouse.WarehouseCatalog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code report} refuses what it cannot report as a usage error (exit 2) before its job starts, and
 * writes nothing: a period written in the other option's form, a finance report of a week, a period
 * the data does not cover.
 */
class ReportCommandTest {

    @TempDir
    Path dir;

    /** The issue's {@code --week 2026-40}: a job failing after 16 s with a month error, exit 1; now at once. */
    @Test
    void aMalformedPeriodIsAUsageErrorBeforeAnyWork() {
        Path out = dir.resolve("reports");
        for (String[] args : new String[][] {{"--week", "2026-40"}, {"--month", "2026-W40"}, {"--month", "10/2026"},
                {"--week", "2026-W40", "--kind", "finance"}}) {
            Result result = report(dir.resolve("no-warehouse"), out, args);

            assertThat(result.exit).as(String.join(" ", args)).isEqualTo(2);
            // refused before the warehouse is even looked at, and before the runtime starts
            assertThat(result.err).as(String.join(" ", args)).doesNotContain("no warehouse at");
            assertThat(result.out).as(String.join(" ", args)).doesNotContain("on warehouse");
        }
        assertThat(report(dir.resolve("no-warehouse"), out, "--week", "2026-40").err)
                .contains("error: --week 2026-40 is not an ISO week: write a week like 2026-W40");
        assertThat(report(dir.resolve("no-warehouse"), out, "--month", "2026-W40").err)
                .contains("error: --month 2026-W40 is not a month: write a month like 2026-10");
        assertThat(report(dir.resolve("no-warehouse"), out, "--week", "2026-W40", "--kind", "finance").err)
                .contains("the finance report is monthly");
        assertThat(out).doesNotExist();
    }

    /**
     * The issue's {@code --month 2031-01}: five pages of dashes, a finance page saying every payout
     * matches and a first line in the index; now refused, nothing written. The data's own months render.
     */
    @Test
    void aPeriodOutsideTheDataIsRefusedAndNothingIsWritten() throws Exception {
        Path warehouse = octoberWarehouse(dir.resolve("warehouse"));
        Path out = dir.resolve("reports");

        Result after = report(warehouse, out, "--month", "2031-01");
        Result before = report(warehouse, out, "--week", "2026-W30");

        assertThat(after.exit).isEqualTo(2);
        assertThat(after.err).contains("error: no data for month 2031-01 (2031-01-01 to 2031-01-31): the data of "
                + "metrics run run-october runs from 2026-10-01 to 2026-10-31");
        assertThat(before.exit).isEqualTo(2);
        assertThat(before.err).contains("error: no data for week 2026-W30");
        assertThat(out).doesNotExist();

        Result october = report(warehouse, out, "--month", "2026-10", "--kind", "finance");
        assertThat(october.exit).as(october.err).isZero();
        assertThat(out.resolve("2026-10/finance.pdf")).exists();
        assertThat(Files.readString(out.resolve("index.html"))).doesNotContain("2031");
    }

    /** A warehouse with one metrics run over October 2026: traffic on every day, nothing else. */
    private static Path octoberWarehouse(Path warehouse) {
        try (WarehouseCatalog catalog = WarehouseContents.open(warehouse)) {
            List<Object[]> traffic = new ArrayList<>();
            for (LocalDate day = LocalDate.of(2026, 10, 1); !day.isAfter(LocalDate.of(2026, 10, 31));
                 day = day.plusDays(1)) {
                // period_type, period, channel, channel_group, visits, share_clicks, spend, commissions, cost,
                // orders, revenue, new_customers, conversion_rate, cac, cost_per_order, roas
                traffic.add(new Object[] {"day", day.toString(), "*", "*", 100L, 0L, new BigDecimal("10.00"),
                        new BigDecimal("0.00"), new BigDecimal("10.00"), 2L, new BigDecimal("200.00"), 1L,
                        new BigDecimal("0.020000"), new BigDecimal("10.00"), new BigDecimal("5.00"),
                        new BigDecimal("20.000000")});
            }
            long snapshot = new TableWriter(catalog).replace(TableIds.metric(MetricTables.TRAFFIC_COST.name()),
                    MetricTables.TRAFFIC_COST, traffic);
            new RunRecords(catalog).publish(new MetricsRunRecord("run-october", "2026-11-01T00:00:00Z", "2026-10-31",
                    "UTC", "CNY", List.of("default"), List.of(),
                    java.util.Map.of(MetricTables.TRAFFIC_COST.name(), snapshot), java.util.Map.of()));
        }
        return warehouse;
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result report(Path warehouse, Path out, String... period) {
        List<String> args = new ArrayList<>(List.of("report", "--warehouse", warehouse.toString(), "--out",
                out.toString()));
        args.addAll(List.of(period));
        StringWriter err = new StringWriter();
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            CommandLine cli = CommerceMetricsCli.commandLine();
            cli.setErr(new PrintWriter(err));
            exit = cli.execute(args.toArray(String[]::new));
        } finally {
            System.setOut(saved);
        }
        return new Result(exit, stdout.toString(StandardCharsets.UTF_8), err.toString());
    }
}
