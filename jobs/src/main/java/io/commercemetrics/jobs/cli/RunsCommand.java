package io.commercemetrics.jobs.cli;

import io.commercemetrics.jobs.batch.JobRuntime;
import io.commercemetrics.jobs.batch.RunContext;
import java.util.List;
import io.commercemetrics.warehouse.MetricsRunRecord;
import io.commercemetrics.warehouse.PeriodCloses;
import io.commercemetrics.warehouse.RunRecords;
import io.commercemetrics.warehouse.TableIds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "runs", mixinStandardHelpOptions = true,
        description = {"List the complete metrics runs, newest first: each a consistent set of table snapshots that "
                + "export and report read again with --run. (`jobs` lists the job executions.)", ""})
public class RunsCommand extends JobCommand {

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "How many runs to list (default: ${DEFAULT-VALUE}).")
    int limit;

    /** Listing reads only: no lock, and the recorded configuration stays as it is. */
    @Override
    protected boolean writesWarehouse() {
        return false;
    }

    /** "expired" when `warehouse expire` removed one of a run's snapshots. */
    @Override
    protected void execute(JobRuntime runtime, RunContext run) {
        List<MetricsRunRecord> runs = new RunRecords(runtime.catalog()).all();
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
        if (runs.isEmpty()) {
            run.progress("(no metrics run yet: `commerce-metrics metrics`)");
        }
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
}
