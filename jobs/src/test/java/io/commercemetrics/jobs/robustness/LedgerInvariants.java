package io.commercemetrics.jobs.robustness;

import io.commercemetrics.jobs.warehouse.WarehouseContents;
import io.commercemetrics.schemas.MetricTables;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What must hold of the metric tables whatever the (valid) input, checked against what the shop
 * drew rather than against the code's own reading of it:
 * <ul>
 *   <li>every counted order has exactly one order_attribution row, and no other order has one;</li>
 *   <li>every statement row closes: {@code payable = released - clawback},
 *       {@code closing_balance = opening_balance + payable - paid}, and each row's opening balance is
 *       the previous month's closing balance (0 when that month has no row);</li>
 *   <li>for every sharer and currency, the sum of payable equals the sum of paid plus the last
 *       closing balance;</li>
 *   <li>every reconciliation row has {@code difference = paid - expected_payout};</li>
 *   <li>an order refunded in full reverses every cent of its commission at every level, and no
 *       order ever has more reversed than it earned.</li>
 * </ul>
 */
final class LedgerInvariants {

    private final SparkSession spark;
    private final Path warehouse;
    private final RandomShop shop;

    LedgerInvariants(SparkSession spark, Path warehouse, RandomShop shop) {
        this.spark = spark;
        this.warehouse = warehouse;
        this.shop = shop;
    }

    void assertAll() {
        everyCountedOrderHasOneAttribution();
        everyStatementRowCloses();
        reconciliationDifferenceIsPaidMinusExpected();
        refundsReverseAtMostTheCommissionAndFullRefundsAllOfIt();
    }

    private List<Row> rows(String table, String... orderBy) {
        return WarehouseContents.metric(spark, warehouse, MetricTables.byName(table).orElseThrow()).orderBy(orderBy[0],
                java.util.Arrays.copyOfRange(orderBy, 1, orderBy.length)).collectAsList();
    }

    private void everyCountedOrderHasOneAttribution() {
        List<String> attributed = rows("order_attribution", "order_id").stream()
                .map(r -> r.<String>getAs("order_id")).toList();
        Set<String> counted = shop.orders.stream().filter(shop::counted).map(RandomShop.Order::id)
                .collect(Collectors.toSet());
        assertThat(attributed).as("order_attribution, %s", shop.settings).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(counted);
    }

    private void everyStatementRowCloses() {
        Map<String, List<Row>> bySharer = new TreeMap<>();
        for (Row row : rows("commission_statement", "sharer_id", "currency", "period")) {
            bySharer.computeIfAbsent(row.getAs("sharer_id") + "/" + row.getAs("currency"), k -> new ArrayList<>())
                    .add(row);
        }
        for (Map.Entry<String, List<Row>> sharer : bySharer.entrySet()) {
            BigDecimal payableSum = BigDecimal.ZERO;
            BigDecimal paidSum = BigDecimal.ZERO;
            BigDecimal closing = BigDecimal.ZERO;
            String previousPeriod = null;
            for (Row row : sharer.getValue()) {
                String what = sharer.getKey() + " " + row.getAs("period") + ", " + shop.settings;
                BigDecimal payable = row.getAs("payable");
                assertThat(payable).as("payable = released - clawback: %s", what)
                        .isEqualByComparingTo(dec(row, "released").subtract(dec(row, "clawback")));
                boolean consecutive = previousPeriod != null && nextMonth(previousPeriod).equals(row.getAs("period"));
                if (previousPeriod != null && !consecutive) { // a month without a row opened (and closed) at 0
                    assertThat(closing).as("closing before a month without a row: %s", what)
                            .isEqualByComparingTo(BigDecimal.ZERO);
                }
                assertThat(dec(row, "opening_balance")).as("opening = previous closing: %s", what)
                        .isEqualByComparingTo(consecutive ? closing : BigDecimal.ZERO);
                closing = dec(row, "closing_balance");
                assertThat(closing).as("closing = opening + payable - paid: %s", what).isEqualByComparingTo(
                        dec(row, "opening_balance").add(payable).subtract(dec(row, "paid")));
                payableSum = payableSum.add(payable);
                paidSum = paidSum.add(dec(row, "paid"));
                previousPeriod = row.getAs("period");
            }
            assertThat(payableSum).as("sum payable = sum paid + last closing: %s, %s", sharer.getKey(), shop.settings)
                    .isEqualByComparingTo(paidSum.add(closing));
        }
    }

    private void reconciliationDifferenceIsPaidMinusExpected() {
        for (Row row : rows("reconciliation", "period", "sharer_id")) {
            assertThat(dec(row, "difference")).as("difference = paid - expected: %s, %s", row, shop.settings)
                    .isEqualByComparingTo(dec(row, "paid").subtract(dec(row, "expected_payout")));
        }
    }

    private void refundsReverseAtMostTheCommissionAndFullRefundsAllOfIt() {
        Map<String, BigDecimal> reversed = new HashMap<>();
        for (Row row : rows("commission_reversals", "order_id", "level")) {
            reversed.merge(row.getAs("order_id") + "#" + row.getAs("level"), dec(row, "amount"), BigDecimal::add);
        }
        Set<String> fullyRefunded = shop.orders.stream().filter(shop::fullyRefunded).map(RandomShop.Order::id)
                .collect(Collectors.toSet());
        for (Row line : rows("commission_lines", "order_id", "level")) {
            String key = line.getAs("order_id") + "#" + line.getAs("level");
            BigDecimal commission = dec(line, "commission");
            BigDecimal back = reversed.getOrDefault(key, BigDecimal.ZERO);
            assertThat(back).as("reversed at most the commission: %s, %s", key, shop.settings)
                    .isLessThanOrEqualTo(commission);
            if (fullyRefunded.contains(line.<String>getAs("order_id"))) {
                assertThat(back).as("a full refund reverses every cent: %s, %s", key, shop.settings)
                        .isEqualByComparingTo(commission);
            }
        }
    }

    private static BigDecimal dec(Row row, String column) {
        return row.getAs(column);
    }

    private static String nextMonth(String period) {
        return java.time.YearMonth.parse(period).plusMonths(1).toString();
    }
}
