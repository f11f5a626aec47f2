package io.commercemetrics.reports.period;

import java.time.LocalDate;

/**
 * The days a metrics run's data covers: a report of a period that lies wholly outside them would be
 * a report of nothing, dashes and "every payout matches", so it is refused.
 *
 * @param start the first day with orders or traffic, or null when the run does not tell
 * @param end   the run's data end
 * @param runId the metrics run, for the message
 */
public record DataSpan(LocalDate start, LocalDate end, String runId) {

    /** True when the period has at least one day of the data. */
    public boolean covers(ReportPeriod period) {
        return !period.start().isAfter(end) && (start == null || !period.end().isBefore(start));
    }

    /** @throws IllegalArgumentException naming the period and the data's days when the period has none of them */
    public void check(ReportPeriod period) {
        if (!covers(period)) {
            throw new IllegalArgumentException("no data for " + (period.isMonth() ? "month " : "week ") + period.label()
                    + " (" + period.start() + " to " + period.end() + "): the data of metrics run " + runId + " runs "
                    + (start == null ? "through " + end : "from " + start + " to " + end)
                    + "; ask for a period within it, or for the latest");
        }
    }
}
