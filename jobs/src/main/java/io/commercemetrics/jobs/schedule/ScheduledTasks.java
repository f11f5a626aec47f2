package io.commercemetrics.jobs.schedule;

import io.commercemetrics.reports.ReportKind;
import io.commercemetrics.reports.period.ReportPeriod;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What each trigger does when it fires, in the words of the log line that reports its outcome. */
final class ScheduledTasks {

    private final Inbox inbox;
    private final ScheduledWork work;
    private final ReportListener listener;
    private final ScheduleState state;

    ScheduledTasks(Inbox inbox, ScheduledWork work, ReportListener listener, ScheduleState state) {
        this.inbox = inbox;
        this.work = work;
        this.listener = listener;
        this.state = state;
    }

    /**
     * Runs the task for the day it was scheduled on (in the reporting time zone): a trigger caught
     * up late still reports the period before the day it was due, never the period before today.
     *
     * @return the outcome, one line
     */
    String run(Trigger.Task task, LocalDate scheduledDay) {
        return switch (task) {
            case INGEST -> ingestInbox(scheduledDay);
            case WEEKLY_REPORT -> report(ReportKind.management, ReportPeriod.weekOf(scheduledDay).previous());
            case MONTHLY_REPORTS -> report(ReportKind.all, ReportPeriod.monthOf(scheduledDay).previous());
        };
    }

    private String ingestInbox(LocalDate day) {
        List<Path> files = inbox.claim(day);
        String read = "nothing new in the inbox";
        if (!files.isEmpty()) {
            IngestOutcome outcome = work.ingest(files);
            Map<Path, String> rejected = outcome.rejected();
            rejected.forEach(inbox::reject);
            inbox.ingested(files);
            int archived = files.size() - rejected.size();
            read = String.format("%d file%s ingested and archived, %d rejected", archived, archived == 1 ? "" : "s",
                    rejected.size());
            if (archived > 0) {
                // owed until computed: a failed metrics run is made up by the next ingest trigger
                state.metricsOwed(true);
            }
        }
        if (!state.metricsOwed()) {
            return read + "; metrics not run (no new data)";
        }
        work.metrics();
        state.metricsOwed(false);
        return read + "; metrics computed";
    }

    private String report(ReportKind kind, ReportPeriod period) {
        List<Path> files = work.report(kind, period);
        listener.reportsRendered(kind, period, files);
        return String.format("%s %s: %d file%s", kind == ReportKind.all ? "management and finance reports"
                : kind + " report", period.label(), files.size(), files.size() == 1 ? "" : "s");
    }
}
