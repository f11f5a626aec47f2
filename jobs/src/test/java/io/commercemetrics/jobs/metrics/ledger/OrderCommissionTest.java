package io.commercemetrics.jobs.metrics.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Orders at the edge of the contract that must compute, not stop the ledger. */
class OrderCommissionTest {

    private static final CommissionRules RULES = new CommissionRules(2, true, 15, List.of(
            new CommissionRules.Version("default", LocalDate.of(1970, 1, 1),
                    List.of(new BigDecimal("0.10"), new BigDecimal("0.03")), Map.of())));
    private static final List<OrderCommission.ChainLevel> CHAIN = List.of(
            new OrderCommission.ChainLevel(1, "A", "S2"), new OrderCommission.ChainLevel(2, "B", "S1"));

    @Test
    void zeroValueOrderWithoutLinesEarnsZeroAtEveryLevel() {
        OrderCommission order = new OrderCommission("USD", new BigDecimal("0.00"), LocalDate.of(2026, 11, 14),
                List.of(), CHAIN);

        List<OrderCommission.LevelCommission> levels = order.levels(RULES);

        assertThat(levels).extracting(OrderCommission.LevelCommission::level).containsExactly(1, 2);
        assertThat(levels).allSatisfy(l -> assertThat(l.commission()).isEqualByComparingTo("0"));
        assertThat(levels.get(0).rate()).isEqualByComparingTo("0.10");
        assertThat(levels.get(1).rate()).isEqualByComparingTo("0.03");
        assertThat(order.reversals(levels, List.of())).isEmpty();
    }

    @Test
    void zeroValueOrderWhoseLineNetsAddUpToZeroEarnsZero() {
        OrderCommission order = new OrderCommission("JPY", BigDecimal.ZERO, LocalDate.of(2026, 11, 14),
                List.of(new OrderCommission.Line("gifts", new BigDecimal("5.00")),
                        new OrderCommission.Line("gifts", new BigDecimal("-5.00"))), CHAIN);

        assertThat(order.levels(RULES)).hasSize(2)
                .allSatisfy(l -> assertThat(l.commission()).isEqualByComparingTo("0"));
    }

    @Test
    void zeroNetLineBesidePaidLinesEarnsNothingOfItsOwn() {
        OrderCommission order = new OrderCommission("CNY", new BigDecimal("80.00"), LocalDate.of(2026, 11, 14),
                List.of(new OrderCommission.Line("gifts", new BigDecimal("0.00")),
                        new OrderCommission.Line(null, new BigDecimal("100.00"))), CHAIN);

        // base 80.00 all on the second line: 8.00 at level 1, 2.40 at level 2
        assertThat(order.levels(RULES)).extracting(l -> l.commission().toPlainString())
                .containsExactly("8.00", "2.40");
    }
}
