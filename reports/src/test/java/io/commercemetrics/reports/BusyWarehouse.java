package io.commercemetrics.reports;

import io.commercemetrics.reports.warehouse.WarehouseTables;
import io.commercemetrics.warehouse.MetricsRunRecord;
import io.commercemetrics.schemas.Field;
import io.commercemetrics.schemas.FieldType;
import io.commercemetrics.schemas.MetricTables;
import io.commercemetrics.schemas.Sources;
import io.commercemetrics.schemas.TableSchema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A full year of a busy shop (eight channels in three groups, twelve cohorts, seventy sharers in two
 * currencies, long reviews), generated, to check that the reports lay out at size: tables that
 * run over pages keep their headers, totals come last and still add up.
 */
final class BusyWarehouse {

    static final int CNY_SHARERS = 64;
    static final Map<String, String> CHANNELS = Map.of("social_share", "social", "live_stream", "social",
            "community", "social", "search", "traditional", "ads", "traditional", "direct", "traditional",
            "email", "traditional", "affiliate", "other");
    private static final List<String> GROUPS = List.of("*", "social", "traditional", "other");

    private BusyWarehouse() {
    }

    static WarehouseTables write(Path warehouse) {
        TableFixtures metrics = new TableFixtures(warehouse);
        YearMonth last = YearMonth.of(2026, 10);
        List<Object[]> traffic = new ArrayList<>();
        List<Object[]> repeat = new ArrayList<>();
        List<Object[]> spread = new ArrayList<>();
        List<Object[]> cohorts = new ArrayList<>();
        List<Object[]> retention = new ArrayList<>();
        List<Object[]> viral = new ArrayList<>();
        List<Object[]> trust = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            String month = last.minusMonths(11 - m).toString();
            int i = 0;
            for (var channel : new java.util.TreeMap<>(CHANNELS).entrySet()) {
                long orders = 40 + 7L * i + 3L * m;
                traffic.add(trafficRow(month, channel.getKey(), channel.getValue(), orders, i++));
            }
            for (String group : GROUPS) {
                long orders = group.equals("*") ? 900 + 20L * m : 200 + 10L * m;
                traffic.add(trafficRow(month, "*", group, orders, 3));
                cohorts.add(new Object[] {month, group, 30, 300L, 30L + m, ratio(30 + m, 300), m < 11});
                cohorts.add(new Object[] {month, group, 90, 300L, 60L + m, ratio(60 + m, 300), m < 9});
                cohorts.add(new Object[] {month, group, 180, 300L, 80L + m, ratio(80 + m, 300), m < 6});
                for (int offset = 0; offset <= 12 - m && offset < 12; offset++) {
                    long active = offset == 0 ? 300 : 300 / (offset + 3);
                    retention.add(new Object[] {month, group, offset, 300L, active, ratio(active, 300)});
                }
                for (String kind : List.of("positive", "neutral", "negative", "none")) {
                    trust.add(new Object[] {month, group, kind, 50L, 10L + kind.length(), ratio(10 + kind.length(), 50)});
                }
            }
            repeat.add(new Object[] {"month", month, "*", 800L, 160L + m, ratio(160 + m, 800)});
            spread.add(new Object[] {"month", month, 120L + m, 200L, 70L, 500L, 300L + m, ratio(300 + m, 60), "0.300000",
                    5, 50L});
            viral.add(new Object[] {month, 300L, 30L + m, ratio(30 + m, 300)});
        }
        metrics.metric(MetricTables.TRAFFIC_COST, traffic);
        metrics.metric(MetricTables.REPEAT_RATE, repeat);
        metrics.metric(MetricTables.SOCIAL_SPREAD, spread);
        metrics.metric(MetricTables.REPURCHASE_COHORT, cohorts);
        metrics.metric(MetricTables.COHORT_RETENTION, retention);
        metrics.metric(MetricTables.VIRAL_COEFFICIENT, viral);
        metrics.metric(MetricTables.TRUST_EFFECT, trust);
        metrics.metric(MetricTables.REVIEW_SUMMARY, List.<Object[]>of(new Object[] {"month", "2026-10", "*", "*",
                1100L, 300L, ratio(300, 1100), 320L, "3.900000", 30L, 20L, 40L, 100L, 130L, ratio(50, 320)}));
        ledger(metrics);
        reviews(metrics);
        return metrics.publish(new MetricsRunRecord("run-busy", "2026-11-04T01:02:03Z", "2026-11-03", "Asia/Shanghai", "CNY",
                List.of("default"), inputs(), null, null));
    }

    /** A year of monthly order exports and one file of each other source: more than page 1 holds beside the headline. */
    private static List<MetricsRunRecord.InputFile> inputs() {
        List<MetricsRunRecord.InputFile> inputs = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            String month = YearMonth.of(2025, 11).plusMonths(m).toString();
            inputs.add(new MetricsRunRecord.InputFile("orders", "/exports/" + month + "/orders-" + month + ".csv.gz",
                    10_000 + m, 10_300L + m, 10_290L + m, 10L, 290L));
        }
        for (String source : List.of("order_lines", "refunds", "reviews", "traffic", "payouts")) {
            inputs.add(new MetricsRunRecord.InputFile(source, "/exports/" + source + ".csv", 5_000, 5_002L, 5_000L, 2L,
                    0L));
        }
        return inputs;
    }

    /** Statement lines whose CNY accrued amounts add up to {@link #cnyAccruedTotal()}. */
    private static void ledger(TableFixtures metrics) {
        List<Object[]> statement = new ArrayList<>();
        List<Object[]> reconciliation = new ArrayList<>();
        String[] statuses = {"matched", "underpaid", "overpaid", "unpaid", "possible_duplicate", "unexpected"};
        for (int s = 0; s < CNY_SHARERS + 6; s++) {
            String currency = s < CNY_SHARERS ? "CNY" : "USD";
            String sharer = String.format("sharer-%03d%s", s, s % 9 == 0 ? "-分享达人" : "");
            BigDecimal accrued = new BigDecimal(1000 + 37 * s).movePointLeft(2);
            statement.add(new Object[] {"2026-10", sharer, currency, "10.00", accrued, accrued, "0", accrued, accrued,
                    accrued, "10.00"});
            String status = statuses[s % statuses.length];
            if (!status.equals("matched") || s < 12) {
                reconciliation.add(new Object[] {"2026-10", sharer, currency, accrued, accrued.add(BigDecimal.ONE),
                        BigDecimal.ONE, status, "pay-" + s + ";pay-" + (s + 100)});
            }
        }
        metrics.metric(MetricTables.COMMISSION_STATEMENT, statement);
        metrics.metric(MetricTables.RECONCILIATION, reconciliation);
    }

    static BigDecimal cnyAccruedTotal() {
        BigDecimal total = BigDecimal.ZERO;
        for (int s = 0; s < CNY_SHARERS; s++) {
            total = total.add(new BigDecimal(1000 + 37 * s).movePointLeft(2));
        }
        return total;
    }

    private static Object[] trafficRow(String month, String channel, String group, long orders, int i) {
        BigDecimal spend = new BigDecimal(1500 + 250 * i);
        BigDecimal revenue = new BigDecimal(orders * 215);
        return new Object[] {"month", month, channel, group, 2000L + 300 * i, 100L, spend, "100.00",
                spend.add(new BigDecimal(100)), orders, revenue, orders / 3, ratio(orders, 2100 + 300 * i),
                "25.50", "12.25", revenue.divide(spend.add(new BigDecimal(100)), 6, RoundingMode.HALF_UP)};
    }

    private static void reviews(TableFixtures metrics) {
        List<Object[]> rows = new ArrayList<>();
        String longBody = "商品和描述不符，颜色差很多，客服也不回复消息。The colour is nothing like the photos, "
                + "and customer service never answered. I asked for a refund twice and heard nothing back for weeks; "
                + "would not order again.";
        for (int r = 0; r < 30; r++) {
            rows.add(new Object[] {"rv" + r, "o" + r, "c" + r, "sku", 1 + r % 5,
                    Instant.parse("2026-10-01T04:00:00Z").plusSeconds(86_400L * r),
                    r % 2 == 0 ? "很失望 · disappointed " + r : "Review title number " + r, longBody, "reviews.csv", (long) r});
        }
        metrics.raw(Sources.REVIEWS, rows);
    }

    private static String ratio(long numerator, long denominator) {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 6, RoundingMode.HALF_UP)
                .toPlainString();
    }

}
