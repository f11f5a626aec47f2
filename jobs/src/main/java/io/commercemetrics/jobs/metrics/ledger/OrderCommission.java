package io.commercemetrics.jobs.metrics.ledger;

import io.commercemetrics.schemas.export.CurrencyUnits;
import io.commercemetrics.schemas.export.ExportOrder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The commission of one credited order at every level, and the reversals its refunds cause
 * (METRICS.md "Commissions and reconciliation"). Plain BigDecimal arithmetic, so every amount is
 * rounded exactly once: Spark's decimal rules would cut a wide product to 6 places first.
 */
public final class OrderCommission {

    /** A product line; {@code net = quantity * unit_price - line_discount}. */
    public record Line(String category, BigDecimal net) {
    }

    /** The sharer paid at a level and the share through which they are in the chain. */
    public record ChainLevel(int level, String sharerId, String shareId) {
    }

    public record Refund(String refundId, Instant refundTs, LocalDate refundDate, BigDecimal amount) {
    }

    /** @param rate the single rate applied, or null when lines were paid at different rates */
    public record LevelCommission(int level, String sharerId, String shareId, BigDecimal rate,
                                  String ruleVersion, BigDecimal commission, LocalDate lockDate) {
    }

    public record Reversal(String refundId, int level, String sharerId, BigDecimal amount,
                           LocalDate reversalDate, boolean afterLock) {
    }

    private final String currency;
    private final BigDecimal nma;
    private final LocalDate accrualDate;
    private final List<Line> lines;
    private final List<ChainLevel> chain;

    /**
     * @param lines the order's lines (empty when it has none)
     * @param chain the distinct sharers of the credited share's chain, level 1 first
     */
    public OrderCommission(String currency, BigDecimal nma, LocalDate accrualDate, List<Line> lines,
                           List<ChainLevel> chain) {
        this.currency = currency;
        this.nma = nma;
        this.accrualDate = accrualDate;
        this.chain = chain;
        BigDecimal totalNet = lines.stream().map(Line::net).reduce(BigDecimal.ZERO, BigDecimal::add);
        // no lines, or nets adding up to 0: the whole NMA as one line without category
        this.lines = lines.isEmpty() || totalNet.signum() == 0 ? List.of(new Line(null, nma)) : lines;
    }

    /** One entry per level that has a sharer and, for at least one line, a rate; empty before every version. */
    public List<LevelCommission> levels(CommissionRules rules) {
        Optional<CommissionRules.Version> found = rules.versionOn(accrualDate);
        if (found.isEmpty()) {
            return List.of();
        }
        CommissionRules.Version version = found.get();
        BigDecimal totalNet = lines.stream().map(Line::net).reduce(BigDecimal.ZERO, BigDecimal::add);
        LocalDate lockDate = accrualDate.plusDays(rules.holdDays());
        List<LevelCommission> result = new ArrayList<>();
        for (ChainLevel paid : chain) {
            if (paid.level() > rules.maxLevels()) {
                break;
            }
            BigDecimal commission = BigDecimal.ZERO;
            Set<BigDecimal> ratesUsed = new HashSet<>();
            boolean everyLineHasRate = true;
            for (Line line : lines) {
                List<BigDecimal> rates = version.ratesFor(line.category());
                if (rates.size() < paid.level()) {
                    everyLineHasRate = false;
                    continue;
                }
                BigDecimal rate = rates.get(paid.level() - 1);
                ratesUsed.add(rate.stripTrailingZeros());
                commission = commission.add(lineCommission(line, totalNet, rate));
            }
            if (ratesUsed.isEmpty()) {
                continue; // the list that applies is shorter than this level: no row
            }
            // a single rate is shown only when it alone explains the amount: every line paid at it
            BigDecimal rate = everyLineHasRate && ratesUsed.size() == 1 ? ratesUsed.iterator().next() : null;
            result.add(new LevelCommission(paid.level(), paid.sharerId(), paid.shareId(), rate, version.name(),
                    commission, lockDate));
        }
        return result;
    }

    /**
     * The reversals of the refunds (already limited to the data end): cumulative per level, so the
     * k-th reverses {@code round(C * refunded_1..k / NMA) - reversed_1..k-1}; zero ones are left out.
     */
    public List<Reversal> reversals(List<LevelCommission> levels, List<Refund> refunds) {
        if (nma.signum() == 0) {
            return List.of();
        }
        List<Refund> ordered = new ArrayList<>(refunds);
        ordered.sort(Comparator.comparing(Refund::refundTs)
                .thenComparing(Refund::refundId, ExportOrder::byCodePoint));
        List<Reversal> result = new ArrayList<>();
        for (LevelCommission level : levels) {
            BigDecimal refunded = BigDecimal.ZERO;
            BigDecimal reversed = BigDecimal.ZERO;
            for (Refund refund : ordered) {
                refunded = refunded.add(refund.amount());
                BigDecimal target = roundedQuotient(level.commission().multiply(refunded), nma);
                BigDecimal amount = target.subtract(reversed);
                reversed = target;
                if (amount.signum() != 0) {
                    result.add(new Reversal(refund.refundId(), level.level(), level.sharerId(), amount,
                            refund.refundDate(), !refund.refundDate().isBefore(level.lockDate())));
                }
            }
        }
        return result;
    }

    /**
     * round(line base x rate), the line base being NMA x net / total net, never rounded itself. The
     * total net is 0 only for a zero-value order paid as one line (every base is 0): it earns 0.
     */
    private BigDecimal lineCommission(Line line, BigDecimal totalNet, BigDecimal rate) {
        if (totalNet.signum() == 0) {
            return CurrencyUnits.round(BigDecimal.ZERO, currency);
        }
        return roundedQuotient(nma.multiply(line.net()).multiply(rate), totalNet);
    }

    /** numerator / denominator rounded once, half-up, to the currency's minor unit. */
    private BigDecimal roundedQuotient(BigDecimal numerator, BigDecimal denominator) {
        BigDecimal quotient = numerator.divide(denominator, CurrencyUnits.minorUnit(currency), RoundingMode.HALF_UP);
        return CurrencyUnits.round(quotient, currency);
    }
}
