package io.commercemetrics.reports;

import io.commercemetrics.reports.warehouse.WarehouseTables;
import io.commercemetrics.schemas.MetricTables;
import io.commercemetrics.schemas.Sources;
import io.commercemetrics.warehouse.MetricsRunRecord;
import io.commercemetrics.warehouse.MetricsRunRecord.InputFile;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One warehouse, three metrics runs of the same data end (Tuesday 2026-11-03, CNY, Asia/Shanghai),
 * the second rerun after late data, worked out by hand:
 * <ul>
 * <li><b>run-a</b>: October has 30 orders for CNY 3,000.00; refunds.csv holds one refund (rf1,
 * 12 October, 50.00); sharers s-alice and s-bob (CNY) and s-chen (JPY) have statements; rules
 * {@code default} (level 1: 10 %).</li>
 * <li><b>run-b</b>: (1) a new file {@code late/orders-late.csv} brings order o-late of Wednesday 28
 * October (week 2026-W44), CNY 120.00, direct, by a customer who already ordered twice that week, so
 * no new customer, no repeat-rate change and no commission: October revenue 3,000.00 → 3,120.00 and
 * orders 30 → 31, W44 800.00 → 920.00 and 8 → 9, ROAS October 3,120.00 / 345.00 = 9.043478 (was
 * 8.695652), W44 920.00 / 80.00 = 11.500000 (was 10.000000). (2) refunds.csv is re-exported with a
 * late refund rf-late of 40.00 on 20 October 14:00 local (week 2026-W43) of s-bob's order o-5 (NMA
 * 400.00, commission 40.00 at 10 %, locked on 17 October): refunds October 50.00 → 90.00, W43 0.00 →
 * 40.00; s-bob's October clawback 0.00 → round(40.00 × 40 / 400) = 4.00, so payable, expected payout
 * and closing 10.00 → 6.00, and in November his opening and expected payout 10.00 → 6.00 and closing
 * (6.00 + 0 − paid 10.00) 0.00 → −4.00; the CNY totals of October's payable and expected payout and
 * November's expected payout 30.00 → 26.00. (3) rule version {@code 2026-11}, from 1 November, pays
 * 12 %: s-alice's order of Monday 2 November (CNY 50.00, week 2026-W45) accrues 6.00 instead of 5.00,
 * so November's and W45's commissions and cost rise by 1.00 (35.00 → 36.00, 25.00 → 26.00), their
 * CAC with them (one new customer each), and ROAS 300.00 / 36.00 = 8.333333 (was 8.571429), 200.00 /
 * 26.00 = 7.692308 (was 8.000000). November and W45 were still open in run-a.</li>
 * <li><b>run-c</b>: run-b's figures again, nothing new.</li>
 * <li><b>run-d</b>: after run-c, payouts.csv is gone and a new shares.csv brings sharer s-dan: s-chen's
 * November line (JPY) is no more, with November's JPY totals, and s-dan has a November line (accrued
 * CNY 3.00, nothing payable): 10 figures removed, 8 added, none changed.</li>
 * </ul>
 */
final class RestatedWarehouse {

    static final String RUN_A = "run-a";
    static final String RUN_B = "run-b";
    static final String RUN_C = "run-c";
    static final String RUN_D = "run-d";

    private final TableFixtures tables;

    RestatedWarehouse(Path warehouse) {
        this.tables = new TableFixtures(warehouse);
    }

    TableFixtures tables() {
        return tables;
    }

    WarehouseTables runA() {
        write(false);
        return tables.publish(record(RUN_A, "2026-11-04T01:00:00Z", List.of("default"), false));
    }

    WarehouseTables runB() {
        write(true);
        return tables.publish(record(RUN_B, "2026-11-05T01:30:00Z", List.of("default", "2026-11"), true));
    }

    /** Recomputed with nothing new: every metric table a new snapshot of the same rows. */
    WarehouseTables runC() {
        write(true);
        return tables.publish(record(RUN_C, "2026-11-06T01:00:00Z", List.of("default", "2026-11"), true));
    }

    WarehouseTables runD() {
        write(true);
        List<Object[]> statement = new ArrayList<>();
        for (Object[] line : statement(true)) {
            if (!(line[0].equals("2026-11") && line[1].equals("s-chen"))) {
                statement.add(line);
            }
        }
        statement.add(row("2026-11", "s-dan", "CNY", "0.00", "3.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00"));
        tables.metric(MetricTables.COMMISSION_STATEMENT, statement);
        MetricsRunRecord record = record(RUN_D, "2026-11-07T01:00:00Z", List.of("default", "2026-11"), true);
        List<InputFile> inputs = new ArrayList<>(record.inputs().stream()
                .filter(input -> !input.source().equals("payouts")).toList());
        inputs.add(new InputFile("shares", "/srv/exports/shares.csv", 2, 2L, 2L, 0L, 0L));
        return tables.publish(new MetricsRunRecord(RUN_D, record.computedAt(), record.dataEnd(),
                record.reportingTimeZone(), record.reportingCurrency(), record.ruleVersions(), inputs, null, null));
    }

    private void write(boolean late) {
        tables.metric(MetricTables.TRAFFIC_COST, trafficCost(late));
        tables.metric(MetricTables.REPEAT_RATE, List.of(
                row("month", "2026-10", "*", 25L, 5L, "0.200000"),
                row("month", "2026-11", "*", 3L, 1L, "0.333333"),
                row("week", "2026-W43", "*", 7L, 1L, "0.142857"),
                row("week", "2026-W44", "*", 8L, 2L, "0.250000"),
                row("week", "2026-W45", "*", 2L, 1L, "0.500000")));
        tables.metric(MetricTables.COMMISSION_STATEMENT, statement(late));
        List<Object[]> refunds = new ArrayList<>();
        refunds.add(row("rf1", "o-3", Instant.parse("2026-10-12T04:00:00Z"), "CNY", new BigDecimal("50.00"), null,
                "/srv/exports/refunds.csv", 2L));
        if (late) {
            refunds.add(row("rf-late", "o-5", Instant.parse("2026-10-20T06:00:00Z"), "CNY", new BigDecimal("40.00"),
                    null, "/srv/exports/refunds.csv", 3L));
        }
        tables.raw(Sources.REFUNDS, refunds);
    }

    private static List<Object[]> statement(boolean late) {
        // period, sharer, currency, opening, accrued, released, clawback, payable, expected, paid, closing
        return List.of(
                row("2026-10", "s-alice", "CNY", "0.00", "30.00", "20.00", "0.00", "20.00", "20.00", "0.00", "20.00"),
                late ? row("2026-10", "s-bob", "CNY", "0.00", "15.00", "10.00", "4.00", "6.00", "6.00", "0.00", "6.00")
                        : row("2026-10", "s-bob", "CNY", "0.00", "15.00", "10.00", "0.00", "10.00", "10.00", "0.00",
                                "10.00"),
                row("2026-10", "s-chen", "JPY", "0", "1500", "1200", "0", "1200", "1200", "0", "1200"),
                row("2026-11", "s-alice", "CNY", "20.00", late ? "6.00" : "5.00", "0.00", "0.00", "0.00", "20.00",
                        "20.00", "0.00"),
                late ? row("2026-11", "s-bob", "CNY", "6.00", "0.00", "0.00", "0.00", "0.00", "6.00", "10.00", "-4.00")
                        : row("2026-11", "s-bob", "CNY", "10.00", "0.00", "0.00", "0.00", "0.00", "10.00", "10.00",
                                "0.00"),
                row("2026-11", "s-chen", "JPY", "1200", "0", "0", "0", "0", "1200", "1200", "0"));
    }

    /**
     * The total rows the headlines read, and a day row, which no report headlines: its change must
     * not be listed. Columns: period_type, period, channel, channel_group, visits, share_clicks, spend,
     * commissions, cost, orders, revenue, new_customers, conversion_rate, cac, cost_per_order, roas.
     */
    private static List<Object[]> trafficCost(boolean late) {
        return List.of(
                late ? row("month", "2026-10", "*", "*", 1000L, 50L, "300.00", "45.00", "345.00", 31L, "3120.00", 10L,
                        "0.029524", "34.50", "11.13", "9.043478")
                        : row("month", "2026-10", "*", "*", 1000L, 50L, "300.00", "45.00", "345.00", 30L, "3000.00",
                                10L, "0.028571", "34.50", "11.50", "8.695652"),
                late ? row("month", "2026-11", "*", "*", 100L, 5L, "30.00", "6.00", "36.00", 3L, "300.00", 1L,
                        "0.028571", "36.00", "12.00", "8.333333")
                        : row("month", "2026-11", "*", "*", 100L, 5L, "30.00", "5.00", "35.00", 3L, "300.00", 1L,
                                "0.028571", "35.00", "11.67", "8.571429"),
                row("week", "2026-W43", "*", "*", 240L, 12L, "70.00", "12.00", "82.00", 7L, "700.00", 2L, "0.027778",
                        "41.00", "11.71", "8.536585"),
                late ? row("week", "2026-W44", "*", "*", 250L, 10L, "70.00", "10.00", "80.00", 9L, "920.00", 3L,
                        "0.034615", "26.67", "8.89", "11.500000")
                        : row("week", "2026-W44", "*", "*", 250L, 10L, "70.00", "10.00", "80.00", 8L, "800.00", 3L,
                                "0.030769", "26.67", "10.00", "10.000000"),
                late ? row("week", "2026-W45", "*", "*", 60L, 3L, "20.00", "6.00", "26.00", 2L, "200.00", 1L,
                        "0.031746", "26.00", "13.00", "7.692308")
                        : row("week", "2026-W45", "*", "*", 60L, 3L, "20.00", "5.00", "25.00", 2L, "200.00", 1L,
                                "0.031746", "25.00", "12.50", "8.000000"),
                row("day", "2026-10-28", "*", "*", 40L, 2L, "10.00", "0.00", "10.00", late ? 2L : 1L,
                        late ? "220.00" : "100.00", 0L, null, null, "10.00", late ? "22.000000" : "10.000000"));
    }

    private static MetricsRunRecord record(String runId, String computedAt, List<String> rules, boolean late) {
        List<InputFile> inputs = new ArrayList<>();
        inputs.add(new InputFile("orders", "/srv/exports/orders.csv", 40, 42L, 41L, 1L, 1L));
        if (late) {
            inputs.add(new InputFile("orders", "/srv/exports/late/orders-late.csv", 1, 1L, 1L, 0L, 0L));
        }
        inputs.add(late ? new InputFile("refunds", "/srv/exports/refunds.csv", 2, 2L, 2L, 0L, 0L)
                : new InputFile("refunds", "/srv/exports/refunds.csv", 1, 1L, 1L, 0L, 0L));
        inputs.add(new InputFile("traffic", "/srv/exports/traffic.csv", 60, 60L, 60L, 0L, 0L));
        inputs.add(new InputFile("payouts", "/srv/exports/payouts.csv", 3, 3L, 3L, 0L, 0L));
        return new MetricsRunRecord(runId, computedAt, "2026-11-03", "Asia/Shanghai", "CNY", rules, inputs, null, null);
    }

    private static Object[] row(Object... values) {
        return values;
    }
}
