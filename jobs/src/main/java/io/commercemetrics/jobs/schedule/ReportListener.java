package io.commercemetrics.jobs.schedule;

import io.commercemetrics.reports.ReportKind;
import io.commercemetrics.reports.period.ReportPeriod;
import java.nio.file.Path;
import java.util.List;

/**
 * Told after each report trigger rendered its reports: where delivery (e-mail) plugs in. A listener
 * that throws fails the trigger in the log; the reports stay written.
 */
@FunctionalInterface
public interface ReportListener {

    /** Does nothing: the reports stay in the reports folder and its index. */
    ReportListener NONE = (kind, period, files) -> {
    };

    void reportsRendered(ReportKind kind, ReportPeriod period, List<Path> files);
}
