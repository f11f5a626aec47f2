package io.commercemetrics.reports.restatement;

import java.math.BigDecimal;
import java.util.List;

/**
 * One figure that differs between two runs, with both values exactly as stored.
 *
 * @param previous    the earlier run's value (null when added, or when the row had no value)
 * @param current     the new run's value (null when removed, or when the row has no value)
 * @param periodWasOpen true when the earlier run's data ended before the period's last day: the
 *                    figure could still grow, so its change is the period filling up, not a
 *                    restatement of a figure that had been complete
 * @param causes      what changed between the runs that can move this figure (see {@link Figure})
 */
public record FigureChange(FigureKey key, Status status, BigDecimal previous, BigDecimal current,
                           boolean periodWasOpen, List<String> causes) {

    public enum Status {
        CHANGED, ADDED, REMOVED;

        public String words() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public FigureChange {
        causes = List.copyOf(causes);
    }

    /** New minus previous, exactly; null unless both values exist. */
    public BigDecimal difference() {
        return previous == null || current == null ? null : current.subtract(previous);
    }

    /**
     * A figure of a period that was complete in the earlier run: changed, gone, or new (a sharer's
     * line that late data brought into a closed month). A period still open then was only filling up.
     */
    public boolean isRestated() {
        return !periodWasOpen;
    }
}
