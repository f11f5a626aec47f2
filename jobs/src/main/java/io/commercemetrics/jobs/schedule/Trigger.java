package io.commercemetrics.jobs.schedule;

import io.commercemetrics.jobs.config.PipelineConfig;
import java.util.ArrayList;
import java.util.List;
import org.springframework.scheduling.support.CronExpression;

/**
 * One entry of the configuration's {@code schedule:} section: its name (as in the configuration, the
 * log and the state file), when it fires, and what it does.
 */
public record Trigger(String name, CronExpression cron, Task task) {

    public enum Task {
        /** Ingest the files waiting in the inbox, then compute the metrics. */
        INGEST,
        /** The management report of the ISO week before the one the trigger fires in. */
        WEEKLY_REPORT,
        /** The management and finance reports of the month before the one the trigger fires in. */
        MONTHLY_REPORTS
    }

    /**
     * The triggers switched on, in the order they run when several are due together: ingest first, so
     * a report rendered at the same time (or caught up after a stop) includes every file that waited.
     */
    public static List<Trigger> of(PipelineConfig.Schedule schedule) {
        List<Trigger> triggers = new ArrayList<>();
        if (schedule.ingest() != null) {
            triggers.add(new Trigger("ingest", schedule.ingest(), Task.INGEST));
        }
        if (schedule.weeklyReport() != null) {
            triggers.add(new Trigger("weekly-report", schedule.weeklyReport(), Task.WEEKLY_REPORT));
        }
        if (schedule.monthlyReports() != null) {
            triggers.add(new Trigger("monthly-reports", schedule.monthlyReports(), Task.MONTHLY_REPORTS));
        }
        return List.copyOf(triggers);
    }

    @Override
    public String toString() {
        return name + " (" + cron + ")";
    }
}
