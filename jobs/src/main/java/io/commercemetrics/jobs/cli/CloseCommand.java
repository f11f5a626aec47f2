package io.commercemetrics.jobs.cli;

import io.commercemetrics.jobs.batch.JobRuntime;
import io.commercemetrics.jobs.batch.RunContext;
import io.commercemetrics.schemas.TableSchema;
import io.commercemetrics.warehouse.MonthClose;
import io.commercemetrics.warehouse.PeriodCloses;
import java.time.Instant;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "close", mixinStandardHelpOptions = true,
        description = {"Close a commission month: its commission statement and reconciliation, as the latest "
                + "metrics run computed them, never change again (docs/metrics.md, \"Closed months and "
                + "adjustments\"). Later data that would change them is posted as adjustments to the first open "
                + "month. Months close in order; a month whose data are not complete is refused unless --force.",
                ""})
public class CloseCommand extends MonthCommand {

    @Option(names = "--force", description = "Close the month although the latest metrics run's data end "
            + "before its last day.")
    boolean force;

    @Override
    protected void execute(JobRuntime runtime, RunContext run) {
        PeriodCloses.Close close = new MonthClose(runtime.catalog()).close(yearMonth(), force, by, Instant.now());
        run.progress("closed " + close.month() + " by " + close.closedBy() + " at " + close.closedAt() + ": run "
                + close.runId() + ", data through " + close.dataEnd() + "; tag " + MonthClose.tag(close.month())
                + " on " + MonthClose.FROZEN_TABLES.stream().map(TableSchema::name).collect(Collectors.joining(", ")));
    }
}
