package io.commercemetrics.jobs.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the shop owes its sharers, worked out by the rules of METRICS.md under the default
 * configuration (levels 10 % and 3 %, hold 15 days, self-referral excluded), so that the payouts
 * the generator writes match the statement to the cent except where a mistake is planted.
 */
final class CommissionLedger {

    static final List<BigDecimal> LEVEL_RATES = List.of(new BigDecimal("0.10"), new BigDecimal("0.03"));
    static final int HOLD_DAYS = 15;

    /** One credited order: who earns what at each level, and the refunds that reverse it. */
    static final class Accrual {
        final LocalDate lockDate;
        final BigDecimal nma;
        final List<String> sharerIds = new ArrayList<>(2);
        final List<BigDecimal> commissions = new ArrayList<>(2);
        final List<LocalDate> reversalDates = new ArrayList<>();
        final List<BigDecimal[]> reversals = new ArrayList<>();
        BigDecimal refunded = BigDecimal.ZERO;

        Accrual(LocalDate lockDate, BigDecimal nma) {
            this.lockDate = lockDate;
            this.nma = nma;
        }
    }

    private final LocalDate dataEnd;
    private final List<Accrual> accruals = new ArrayList<>();

    CommissionLedger(LocalDate dataEnd) {
        this.dataEnd = dataEnd;
    }

    /**
     * Records a counted order credited to {@code credited}.
     *
     * @param lineNets each line's {@code quantity * unit_price - line_discount}, in cents
     * @return the accrual, or null when the order earns nothing (self-referral)
     */
    Accrual accrue(Share credited, Shopper buyer, LocalDate accrualDate, long nmaCents, long[] lineNets) {
        if (credited.sharer() == buyer) {
            return null;
        }
        List<String> levels = chainSharers(credited);
        Accrual accrual = new Accrual(accrualDate.plusDays(HOLD_DAYS), BigDecimal.valueOf(nmaCents, 2));
        long netSum = 0;
        for (long net : lineNets) {
            netSum += net;
        }
        BigDecimal sum = BigDecimal.valueOf(netSum, 2);
        for (int level = 0; level < levels.size() && level < LEVEL_RATES.size(); level++) {
            BigDecimal rate = LEVEL_RATES.get(level);
            BigDecimal commission = BigDecimal.ZERO.setScale(2);
            // Each line's share of the NMA is left unrounded; each line's commission is rounded.
            for (long net : lineNets) {
                commission = commission.add(accrual.nma.multiply(BigDecimal.valueOf(net, 2)).multiply(rate)
                        .divide(sum, 2, RoundingMode.HALF_UP));
            }
            accrual.sharerIds.add(levels.get(level));
            accrual.commissions.add(commission);
        }
        accruals.add(accrual);
        return accrual;
    }

    /** Reverses commission in proportion to the refunds so far, cumulatively (no cent left behind). */
    void refund(Accrual accrual, LocalDate date, long amountCents) {
        BigDecimal before = accrual.refunded;
        accrual.refunded = before.add(BigDecimal.valueOf(amountCents, 2));
        BigDecimal[] amounts = new BigDecimal[accrual.commissions.size()];
        for (int level = 0; level < amounts.length; level++) {
            BigDecimal commission = accrual.commissions.get(level);
            amounts[level] = proportion(commission, accrual.refunded, accrual.nma)
                    .subtract(proportion(commission, before, accrual.nma));
        }
        accrual.reversalDates.add(date);
        accrual.reversals.add(amounts);
    }

    private static BigDecimal proportion(BigDecimal commission, BigDecimal refunded, BigDecimal nma) {
        return commission.multiply(refunded).divide(nma, 2, RoundingMode.HALF_UP);
    }

    /** The distinct sharers up the chain, level 1 first (a sharer met again is skipped). */
    private static List<String> chainSharers(Share credited) {
        List<String> sharers = new ArrayList<>(LEVEL_RATES.size());
        for (Share share = credited; share != null && sharers.size() < LEVEL_RATES.size(); share = share.parent()) {
            if (!sharers.contains(share.sharer().id)) {
                sharers.add(share.sharer().id);
            }
        }
        return sharers;
    }

    /**
     * Payable per sharer and month: commission released on its lock date net of reversals
     * dated before it, less reversals dated on or after the lock date (clawbacks).
     */
    Map<String, TreeMap<YearMonth, BigDecimal>> payableBySharer() {
        Map<String, TreeMap<YearMonth, BigDecimal>> payable = new TreeMap<>();
        for (Accrual accrual : accruals) {
            for (int level = 0; level < accrual.sharerIds.size(); level++) {
                TreeMap<YearMonth, BigDecimal> months =
                        payable.computeIfAbsent(accrual.sharerIds.get(level), id -> new TreeMap<>());
                BigDecimal released = accrual.commissions.get(level);
                for (int r = 0; r < accrual.reversals.size(); r++) {
                    LocalDate date = accrual.reversalDates.get(r);
                    BigDecimal amount = accrual.reversals.get(r)[level];
                    if (date.isBefore(accrual.lockDate)) {
                        released = released.subtract(amount);
                    } else {
                        months.merge(YearMonth.from(date), amount.negate(), BigDecimal::add);
                    }
                }
                if (!accrual.lockDate.isAfter(dataEnd)) {
                    months.merge(YearMonth.from(accrual.lockDate), released, BigDecimal::add);
                }
            }
        }
        return payable;
    }
}
