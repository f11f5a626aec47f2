package io.commercemetrics.jobs.metrics.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The promise behind the cumulative reversal rule of METRICS.md: "rounding never leaves a cent
 * behind", so refunds adding up to the NMA reverse exactly the commission at every level, and the
 * commission of an order is the sum of its rounded lines.
 */
class LedgerReversalPropertiesTest {

    private static final CommissionRules RULES = new CommissionRules(2, true, 15, List.of(
            new CommissionRules.Version("default", LocalDate.of(1970, 1, 1),
                    List.of(new BigDecimal("0.10"), new BigDecimal("0.03")),
                    Map.of("books", List.of(new BigDecimal("0.07"), new BigDecimal("0.015"))))));

    @Property
    void fullRefundInPartsReversesExactlyTheCommission(
            @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 1, max = 99_999) Integer> lineCents,
            @ForAll @Size(min = 1, max = 5) List<@IntRange(min = 1, max = 1000) Integer> refundWeights,
            @ForAll boolean yen) {
        String currency = yen ? "JPY" : "CNY";
        List<OrderCommission.Line> lines = new ArrayList<>();
        BigDecimal nma = BigDecimal.ZERO;
        for (int i = 0; i < lineCents.size(); i++) {
            BigDecimal net = BigDecimal.valueOf(lineCents.get(i), yen ? 0 : 2);
            lines.add(new OrderCommission.Line(i % 2 == 0 ? "books" : null, net));
            nma = nma.add(net);
        }
        OrderCommission order = new OrderCommission(currency, nma, LocalDate.of(2026, 10, 1), lines, List.of(
                new OrderCommission.ChainLevel(1, "A", "S1"), new OrderCommission.ChainLevel(2, "B", "S0")));
        List<OrderCommission.LevelCommission> levels = order.levels(RULES);

        List<OrderCommission.Refund> refunds = splitIntoRefunds(nma, refundWeights, yen ? 0 : 2);
        List<OrderCommission.Reversal> reversals = order.reversals(levels, refunds);

        assertThat(levels).hasSize(2);
        for (OrderCommission.LevelCommission level : levels) {
            BigDecimal reversed = reversals.stream().filter(r -> r.level() == level.level())
                    .map(OrderCommission.Reversal::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(reversed).isEqualByComparingTo(level.commission());
            assertThat(level.commission().scale()).isEqualTo(yen ? 0 : 2);
        }
        assertThat(reversals).allMatch(r -> r.amount().signum() > 0);
    }

    /** Refunds in proportion to the weights, the last one taking what is left, adding up to the NMA. */
    private static List<OrderCommission.Refund> splitIntoRefunds(BigDecimal nma, List<Integer> weights, int scale) {
        int total = weights.stream().mapToInt(Integer::intValue).sum();
        List<OrderCommission.Refund> refunds = new ArrayList<>();
        BigDecimal left = nma;
        for (int i = 0; i < weights.size(); i++) {
            BigDecimal amount = i == weights.size() - 1 ? left
                    : nma.multiply(BigDecimal.valueOf(weights.get(i)))
                        .divide(BigDecimal.valueOf(total), scale, java.math.RoundingMode.DOWN);
            left = left.subtract(amount);
            if (amount.signum() > 0) {
                refunds.add(new OrderCommission.Refund("r" + (100 - i), Instant.parse("2026-10-05T00:00:00Z")
                        .plusSeconds(i), LocalDate.of(2026, 10, 5), amount));
            }
        }
        return refunds;
    }
}
