package io.commercemetrics.reports.restatement;

import io.commercemetrics.reports.Provenance;
import io.commercemetrics.reports.ReportKind;
import io.commercemetrics.reports.period.ReportPeriod;
import io.commercemetrics.reports.warehouse.WarehouseTables;
import io.commercemetrics.warehouse.MetricsRunRecord;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What a report's provenance says when its figures replace figures published before: "restated on
 * 2026-11-05 09:30 (Asia/Shanghai) (run B), replacing run A". Run B is the latest run, up to the
 * report's own, in which a figure the report shows for its period (see {@link Figure}) differs from
 * the run before it, while that run already had the period complete; A is that run before. Runs
 * that change nothing of the period since keep the notice, so a report re-rendered the next day
 * still says it was restated. Only runs published before the report's run are read, so rendering a
 * run again (`report --run`) gives the same notice whatever ran since.
 *
 * @param restating the run whose figures replaced the earlier ones
 * @param replaced  the run before it, whose figures of the period it replaced
 */
public record RestatementNotice(MetricsRunRecord restating, MetricsRunRecord replaced) {

    /**
     * Walks back from the report's run through the runs before it, as long as each had the period
     * complete (earlier, the period was still filling up: not a restatement) and is still kept.
     */
    public static Optional<RestatementNotice> find(WarehouseTables tables, ReportPeriod period, ReportKind report) {
        WarehouseTables later = tables;
        for (MetricsRunRecord earlier : tables.earlierRuns()) {
            if (LocalDate.parse(earlier.dataEnd()).isBefore(period.end())) {
                return Optional.empty();
            }
            WarehouseTables before = tables.earlierRun(earlier);
            if (!RunFigures.isKept(before)) {
                return Optional.empty();
            }
            if (figuresDiffer(before, later, period, report)) {
                return Optional.of(new RestatementNotice(later.run(), earlier));
            }
            later = before;
        }
        return Optional.empty();
    }

    /**
     * Whether a figure one report shows for the period differs between two runs (or exists in one
     * only). A run whose snapshots expired cannot be compared: it counts as different.
     */
    public static boolean figuresDiffer(WarehouseTables earlier, WarehouseTables later, ReportPeriod period,
                                        ReportKind report) {
        return !RunFigures.isKept(earlier) || !Restatement.ofReport(earlier, later, period, report).noFigureChanged();
    }

    /** The provenance line: {@code Restated on 2026-11-05 09:30 (Asia/Shanghai) (run B), replacing run A}. */
    public String line() {
        String when = new Provenance(restating, null).computedAt();
        return "Restated on " + (when == null ? "an unrecorded date" : when) + " (run " + restating.runId()
                + "), replacing run " + replaced.runId();
    }
}
