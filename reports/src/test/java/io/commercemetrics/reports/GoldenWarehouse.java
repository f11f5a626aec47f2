package io.commercemetrics.reports;

import io.commercemetrics.reports.warehouse.WarehouseTables;
import io.commercemetrics.warehouse.MetricsRunRecord;
import io.commercemetrics.schemas.Field;
import io.commercemetrics.schemas.FieldType;
import io.commercemetrics.schemas.MetricTables;
import io.commercemetrics.schemas.Sources;
import io.commercemetrics.schemas.TableSchema;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny warehouse whose numbers the report tests look for: data through Tuesday 2026-11-03 (so
 * "latest" is week 2026-W44 and month 2026-10), reporting in CNY and Asia/Shanghai, a sharer paid in
 * JPY, a Chinese review title. Values are chosen to read distinctly in the rendered text.
 */
final class GoldenWarehouse {

    static final String RUN_ID = "run-golden-1";
    static final String CHINESE_TITLE = "质量很好但是物流太慢";

    private GoldenWarehouse() {
    }

    /** @return the metrics folder */
    static WarehouseTables write(Path warehouse) {
        TableFixtures metrics = new TableFixtures(warehouse);
        metrics.metric(MetricTables.TRAFFIC_COST, trafficCost());
        metrics.metric(MetricTables.REPEAT_RATE, List.of(
                row("month", "2026-10", "*", 500L, 110L, "0.220000"),
                row("month", "2026-09", "*", 450L, 90L, "0.200000"),
                row("week", "2026-W44", "*", 120L, 30L, "0.250000"),
                row("week", "2026-W43", "*", 100L, 20L, "0.200000")));
        metrics.metric(MetricTables.REPURCHASE_COHORT, List.of(
                row("2026-09", "*", 30, 150L, 18L, "0.120000", true),
                row("2026-09", "*", 90, 150L, 28L, "0.186667", false),
                row("2026-09", "*", 180, 150L, 30L, "0.200000", false),
                row("2026-09", "social", 30, 50L, 9L, "0.180000", true),
                row("2026-10", "*", 30, 160L, 8L, "0.050000", false)));
        metrics.metric(MetricTables.COHORT_RETENTION, List.of(
                row("2026-09", "*", 0, 150L, 150L, "1.000000"),
                row("2026-09", "*", 1, 150L, 23L, "0.153333"),
                row("2026-09", "*", 2, 150L, 6L, "0.040000"),
                row("2026-10", "*", 0, 160L, 160L, "1.000000"),
                row("2026-10", "*", 1, 160L, 3L, "0.018750")));
        metrics.metric(MetricTables.SOCIAL_SPREAD, List.of(
                row("month", "2026-10", 100L, 180L, 60L, 420L, 150L, "5.000000", "0.285714", 4, 40L),
                row("month", "2026-09", 90L, 150L, 40L, 380L, 130L, "4.333333", "0.250000", 3, 35L),
                row("week", "2026-W44", 30L, 40L, 12L, 90L, 35L, "3.500000", "0.300000", 3, 9L)));
        metrics.metric(MetricTables.VIRAL_COEFFICIENT, List.of(
                row("2026-09", 150L, 27L, "0.180000"), row("2026-10", 160L, 24L, "0.150000")));
        metrics.metric(MetricTables.REVIEW_SUMMARY, List.<Object[]>of(
                row("month", "2026-10", "*", "*", 650L, 130L, "0.200000", 140L, "4.100000", 10L, 8L, 12L, 40L, 70L,
                        "0.128571"),
                // a week of few reviews: a count axis up to 12, where ticks every 2.5 would be mislabelled
                row("week", "2026-W44", "*", "*", 150L, 21L, "0.140000", 23L, "3.956522", 2L, 2L, 2L, 5L, 12L,
                        "0.173913")));
        metrics.metric(MetricTables.TRUST_EFFECT, List.of(
                row("2026-09", "*", "positive", 40L, 12L, "0.300000"),
                row("2026-09", "*", "neutral", 10L, 2L, "0.200000"),
                row("2026-09", "*", "negative", 8L, 1L, "0.125000"),
                row("2026-09", "*", "none", 92L, 13L, "0.141304")));
        metrics.metric(MetricTables.COMMISSION_STATEMENT, List.of(
                row("2026-09", "s-alice", "CNY", "0", "300.00", "100.00", "0", "100.00", "100.00", "0", "100.00"),
                row("2026-10", "s-alice", "CNY", "100.00", "250.50", "180.25", "10.00", "170.25", "270.25", "270.25", "0.00"),
                row("2026-10", "s-bob", "CNY", "0.00", "99.99", "50.10", "0.00", "50.10", "50.10", "0.00", "50.10"),
                row("2026-10", "s-chen", "JPY", "0", "1500", "1200", "0", "1200", "1200", "1300", "-100")));
        metrics.metric(MetricTables.RECONCILIATION, List.of(
                row("2026-10", "s-alice", "CNY", "270.25", "270.25", "0.00", "matched", "p-3"),
                row("2026-10", "s-bob", "CNY", "50.10", "0.00", "-50.10", "unpaid", null),
                row("2026-10", "s-chen", "JPY", "1200", "1300", "100", "overpaid", "p-7;p-9")));
        reviews(metrics);
        refunds(metrics);
        return metrics.publish(new MetricsRunRecord(RUN_ID, "2026-11-04T01:02:03Z", "2026-11-03", "Asia/Shanghai", "CNY",
                List.of("default", "2026-autumn"),
                List.of(new MetricsRunRecord.InputFile("orders", "/srv/exports/2026-10/orders.csv", 1234, 3000L, 2990L,
                                10L, 1756L),
                        new MetricsRunRecord.InputFile("orders", "/srv/exports/2026-11/orders.csv", 20, 25L, 25L, 0L, 5L),
                        // as a run record of an earlier version has it: the rows read, no other count
                        new MetricsRunRecord.InputFile("reviews", "/srv/exports/2026-11/reviews.jsonl", 56)), null, null));
    }

    private static List<Object[]> trafficCost() {
        List<Object[]> rows = new ArrayList<>();
        // period_type, period, channel, channel_group, visits, share_clicks, spend, commissions, cost, orders,
        // revenue, new_customers, conversion_rate, cac, cost_per_order, roas
        for (String channel : new String[] {"social_share", "*"}) {
            rows.add(row("month", "2026-10", channel, "social", 0L, 420L, "0", "1234.56", "1234.56", 150L,
                    "45678.90", 40L, "0.357143", "30.86", "8.23", "37.000000"));
        }
        for (String channel : new String[] {"search", "*"}) {
            rows.add(row("month", "2026-10", channel, "traditional", 10000L, 0L, "5000.00", "0", "5000.00", 500L,
                    "98765.43", 120L, "0.050000", "41.67", "10.00", "19.753086"));
        }
        rows.add(row("month", "2026-10", "*", "*", 10000L, 420L, "5000.00", "1234.56", "6234.56", 650L,
                "144444.33", 160L, "0.062373", "38.97", "9.59", "23.167989"));
        rows.add(row("month", "2026-09", "*", "social", 0L, 380L, "0", "1000.00", "1000.00", 130L,
                "40000.00", 35L, "0.342105", "28.57", "7.69", "40.000000"));
        rows.add(row("month", "2026-09", "*", "traditional", 9000L, 0L, "5000.00", "0", "5000.00", 470L,
                "80000.00", 115L, "0.052222", "43.48", "10.64", "16.000000"));
        rows.add(row("month", "2026-09", "*", "*", 9000L, 380L, "5000.00", "1000.00", "6000.00", 600L,
                "120000.00", 150L, "0.063966", "40.00", "10.00", "20.000000"));
        rows.add(row("week", "2026-W44", "*", "*", 2500L, 90L, "1200.00", "300.00", "1500.00", 150L,
                "33333.33", 38L, "0.057915", "39.47", "10.00", "22.222220"));
        rows.add(row("week", "2026-W44", "*", "traditional", 2500L, 0L, "1200.00", "0", "1200.00", 115L,
                "25000.00", 30L, "0.046000", "40.00", "10.43", "20.833333"));
        rows.add(row("week", "2026-W43", "*", "*", 2400L, 80L, "1100.00", "250.00", "1350.00", 140L,
                "30000.00", 35L, "0.056452", "38.57", "9.64", "22.222222"));
        return rows;
    }

    private static void reviews(TableFixtures metrics) {
        // review_id, order_id, customer_id, sku, rating, review_ts, title, body, _source_file, _line
        List<Object[]> rows = List.of(
                row("r1", "o-881", "c1", "sku-1", 1, Instant.parse("2026-10-20T03:00:00Z"), CHINESE_TITLE,
                        "包装破损，等了两个星期才到。\nPackaging was damaged, \"never again\".", "reviews.jsonl", 1L),
                row("r2", "o-882", "c2", "sku-2", 2, Instant.parse("2026-10-05T08:00:00Z"), "Runs too small",
                        "Ordered my usual size.", "reviews.jsonl", 2L),
                row("r3", "o-883", "c3", "sku-1", 5, Instant.parse("2026-10-10T08:00:00Z"), "Love it", "Great.",
                        "reviews.jsonl", 3L),
                // 2026-09-30T17:00Z is 2026-10-01 01:00 in Shanghai: October by the reporting zone
                row("r4", "o-884", "c4", "sku-3", 3, Instant.parse("2026-09-30T17:00:00Z"), "Okay in Shanghai",
                        null, "reviews.jsonl", 4L),
                row("r5", "o-885", "c5", "sku-3", 1, Instant.parse("2026-09-28T08:00:00Z"), "September complaint",
                        "Not this month.", "reviews.jsonl", 5L),
                row("r6", "o-886", "c6", "sku-3", 1, Instant.parse("2026-11-02T08:00:00Z"), "November complaint",
                        "Not this month either.", "reviews.jsonl", 6L));
        metrics.raw(Sources.REVIEWS, rows);
    }

    /**
     * Refunds of October in Shanghai time: 100.005 CNY + 10.00 USD at the 2026-10-09 rate 7.1234 (no
     * rate on the 10th) = 71.234 CNY + 50.00 CNY dated 2026-09-30T17:00Z = 01:00 on 1 October local;
     * exact sum 221.239, rounded once: CNY 221.24. September: 30.00. November's refund counts in
     * neither. Change (221.24 - 30.00) / 30.00 = +637.5%.
     */
    private static void refunds(TableFixtures metrics) {
        // refund_id, order_id, refund_ts, currency, amount, reason, _source_file, _line
        metrics.raw(Sources.REFUNDS, List.of(
                row("rf1", "o-1", Instant.parse("2026-10-05T08:00:00Z"), "CNY", new java.math.BigDecimal("100.005"),
                        null, "refunds.csv", 2L),
                row("rf2", "o-2", Instant.parse("2026-10-10T08:00:00Z"), "USD", new java.math.BigDecimal("10.00"),
                        null, "refunds.csv", 3L),
                row("rf3", "o-3", Instant.parse("2026-09-30T17:00:00Z"), "CNY", new java.math.BigDecimal("50.00"),
                        null, "refunds.csv", 4L),
                row("rf4", "o-4", Instant.parse("2026-11-02T08:00:00Z"), "CNY", new java.math.BigDecimal("20.00"),
                        null, "refunds.csv", 5L),
                row("rf5", "o-5", Instant.parse("2026-09-15T08:00:00Z"), "CNY", new java.math.BigDecimal("30.00"),
                        null, "refunds.csv", 6L)));
        metrics.raw(Sources.FX_RATES, List.of(
                row(java.time.LocalDate.of(2026, 10, 1), "USD", new java.math.BigDecimal("7.2000"), "fx_rates.csv", 2L),
                row(java.time.LocalDate.of(2026, 10, 9), "USD", new java.math.BigDecimal("7.1234"), "fx_rates.csv", 3L),
                row(java.time.LocalDate.of(2026, 10, 12), "USD", new java.math.BigDecimal("7.3000"), "fx_rates.csv", 4L)));
    }


    private static Object[] row(Object... values) {
        return values;
    }
}
