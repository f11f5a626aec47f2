package io.commercemetrics.jobs.cli;

import io.commercemetrics.jobs.batch.CrashedRuns;
import io.commercemetrics.jobs.batch.JobRuntime;
import io.commercemetrics.jobs.batch.RunContext;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobInstance;
import org.springframework.batch.core.explore.JobExplorer;
import io.commercemetrics.warehouse.MetricsRunRecord;
import io.commercemetrics.warehouse.PeriodCloses;
import io.commercemetrics.warehouse.RunRecords;
import io.commercemetrics.warehouse.TableIds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "runs", mixinStandardHelpOptions = true,
        description = {"List the job runs recorded in the warehouse's job repository, newest first: job, run id, "
                + "status, start, duration, and the failing step of a failed run.", ""})
public class RunsCommand extends JobCommand {

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "How many runs to list (default: ${DEFAULT-VALUE}).")
    int limit;

    /** Listing reads only: no lock, and the recorded configuration stays as it is. */
    @Override
    protected boolean writesWarehouse() {
        return false;
    }

    @Override
    protected void execute(JobRuntime runtime, RunContext run) {
        JobExplorer explorer = runtime.bean(JobExplorer.class);
        List<JobExecution> executions = new ArrayList<>();
        for (String job : explorer.getJobNames()) {
            for (JobInstance instance : explorer.getJobInstances(job, 0, limit)) {
                executions.addAll(explorer.getJobExecutions(instance));
            }
        }
        executions.sort(Comparator.comparing(JobExecution::getCreateTime).reversed());
        run.progress(String.format("%-12s %-22s %-10s %-19s %10s  %s", "job", "run id", "status", "started",
                "duration", "note"));
        executions.stream().limit(limit).forEach(execution -> run.progress(line(execution)));
        metricsRuns(runtime, run);
        closes(runtime, run);
    }

    /** Every close of a commission month, reopened ones too: the audit finance asks for. */
    private static void closes(JobRuntime runtime, RunContext run) {
        List<PeriodCloses.Close> closes = new PeriodCloses(runtime.catalog()).history();
        if (closes.isEmpty()) {
            return;
        }
        run.progress("");
        run.progress("closed months (commerce-metrics close), oldest first:");
        for (PeriodCloses.Close close : closes) {
            run.progress(String.format("%-8s closed by %s at %s from run %s (data through %s)%s", close.month(),
                    close.closedBy(), close.closedAt(), close.runId(), close.dataEnd(), close.inForce() ? ""
                            : "; reopened by " + close.reopenedBy() + " at " + close.reopenedAt() + ": "
                            + close.reopenReason()));
        }
    }

    /**
     * The complete metrics runs, each a consistent set of table snapshots that export and report
     * read again with {@code --run}; "expired" when `warehouse expire` removed one of them.
     */
    private void metricsRuns(JobRuntime runtime, RunContext run) {
        List<MetricsRunRecord> runs = new RunRecords(runtime.catalog()).all();
        run.progress("");
        run.progress("catalog " + runtime.catalog().name() + ", tables at " + runtime.catalog().tablesLocation());
        run.progress("metrics runs (read one again with export/report --run RUN_ID), newest first:");
        run.progress(String.format("%-22s %-20s %-10s %-8s %-7s %s", "run id", "computed at", "data end", "currency",
                "tables", "snapshots (metrics.repeat_rate, raw.orders)"));
        for (MetricsRunRecord record : runs.stream().limit(limit).toList()) {
            boolean kept = record.metricSnapshots().entrySet().stream().allMatch(table -> table.getValue() == null
                    || runtime.catalog().load(TableIds.metric(table.getKey()))
                    .map(t -> t.snapshot(table.getValue()) != null).orElse(false));
            run.progress(String.format("%-22s %-20s %-10s %-8s %-7s %s %s", record.runId(),
                    record.computedAt().substring(0, Math.min(19, record.computedAt().length())).replace('T', ' '),
                    record.dataEnd(), record.reportingCurrency(), record.metricSnapshots().size(),
                    record.metricSnapshots().get("repeat_rate") + ", " + record.rawSnapshots().get("orders"),
                    kept ? "" : "(expired)"));
        }
    }

    private static String line(JobExecution execution) {
        LocalDateTime start = execution.getStartTime();
        LocalDateTime end = execution.getEndTime();
        String duration = start != null && end != null ? JobCommand.format(Duration.between(start, end)) : "";
        boolean died = execution.getExitStatus().getExitDescription().startsWith(CrashedRuns.DIED);
        String failedStep = execution.getStepExecutions().stream()
                .filter(step -> step.getStatus().isUnsuccessful())
                .map(step -> (died ? "process died in " : "failed in ") + step.getStepName())
                .findFirst().orElse(died ? "process died" : "");
        return String.format("%-12s %-22s %-10s %-19s %10s  %s", execution.getJobInstance().getJobName(),
                execution.getJobParameters().getString("run.id"), execution.getStatus(),
                start == null ? "" : start.withNano(0).toString().replace('T', ' '), duration, failedStep);
    }
}
