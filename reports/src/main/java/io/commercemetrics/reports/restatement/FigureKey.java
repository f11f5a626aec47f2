package io.commercemetrics.reports.restatement;

import io.commercemetrics.reports.ReportKind;
import io.commercemetrics.reports.period.ReportPeriod;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which figure: what it is, of which period, for which sharer (a statement amount; null for the
 * shop's figures) and in which currency (null for counts and ratios). Money in two currencies is
 * two figures: after a change of reporting currency the old figures are removed and the new added,
 * never compared across currencies.
 *
 * @param periodType {@code week} or {@code month}, as the metric tables write it
 * @param period     the period's label, {@code 2026-10} or {@code 2026-W44}
 */
public record FigureKey(Figure figure, String periodType, String period, String sharerId, String currency)
        implements Comparable<FigureKey> {

    /** Reading order: by period (a month before its weeks), then figure, sharer and currency. */
    private static final Comparator<FigureKey> ORDER = Comparator
            .<FigureKey, LocalDate>comparing(key -> key.reportPeriod().start())
            .thenComparing(key -> key.reportPeriod().isMonth() ? 0 : 1)
            .thenComparing(FigureKey::figure)
            .thenComparing(key -> key.sharerId() == null ? "" : key.sharerId())
            .thenComparing(key -> key.currency() == null ? "" : key.currency());

    /** Periods parsed once: a restatement sorts tens of thousands of statement amounts by period. */
    private static final Map<String, ReportPeriod> PERIODS = new ConcurrentHashMap<>();

    public ReportPeriod reportPeriod() {
        return PERIODS.computeIfAbsent(period, ReportPeriod::parse);
    }

    /**
     * Whether a change of data end can move the figure: a management figure of a period that ends
     * after the earlier data end (one of the runs had it incomplete), and any statement amount (a
     * month's payouts are paid after it, and every balance carries into the next month).
     */
    public boolean isMovedByDataEnd(LocalDate earlierDataEnd) {
        return figure.report() == ReportKind.finance
                || reportPeriod().end().isAfter(earlierDataEnd);
    }

    @Override
    public int compareTo(FigureKey other) {
        return ORDER.compare(this, other);
    }
}
