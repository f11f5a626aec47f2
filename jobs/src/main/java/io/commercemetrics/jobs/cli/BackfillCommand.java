package io.commercemetrics.jobs.cli;

import io.commercemetrics.jobs.batch.BackfillJobConfiguration;
import io.commercemetrics.jobs.batch.JobRuntime;
import io.commercemetrics.jobs.batch.ReportJobConfiguration;
import io.commercemetrics.jobs.batch.RunContext;
import io.commercemetrics.reports.ReportKind;
import io.commercemetrics.reports.period.DataSpan;
import io.commercemetrics.reports.period.ReportPeriod;
import io.commercemetrics.reports.warehouse.WarehouseTables;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "backfill", mixinStandardHelpOptions = true,
        description = {"Render the reports of every period of a range, oldest first, from one metrics run (the "
                + "latest, or --run): one job whose steps are the periods, so a failed or stopped backfill resumes "
                + "at the period it did not finish. A period whose reports that run already rendered is skipped "
                + "unless --force.", ""})
public class BackfillCommand extends JobCommand {

    @Option(names = "--from", paramLabel = "PERIOD", required = true,
            description = "The first period: a month (2026-01) or an ISO week (2026-W01).")
    String from;

    @Option(names = "--to", paramLabel = "PERIOD", required = true,
            description = "The last period, of the same kind as --from.")
    String to;

    @Option(names = "--kind", paramLabel = "KIND", defaultValue = "all",
            description = "management, finance or all (default: ${DEFAULT-VALUE}); weeks get the management report "
                    + "only.")
    ReportKind kind;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "var/reports",
            description = "Reports folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--force", description = "Render every period, even those already rendered from this run.")
    boolean force;

    @Mixin
    RunOption run = new RunOption();

    @Override
    protected boolean writesWarehouse() {
        return false;
    }

    /** The range's form: usage errors before anything starts. */
    @Override
    protected void checkOptions() {
        List<ReportPeriod> periods = BackfillJobConfiguration.periods(from, to);
        if (kind == ReportKind.finance && !periods.get(0).isMonth()) {
            throw new IllegalArgumentException("--kind finance: the finance report is monthly, give months, not weeks");
        }
    }

    /** Periods the data does not cover are refused before the job starts, naming the data's span. */
    @Override
    protected void execute(JobRuntime runtime, RunContext run) {
        String asked = this.run.parameter(runtime.catalog());
        WarehouseTables tables = WarehouseTables.of(runtime.catalog(), asked.isEmpty() ? null : asked);
        DataSpan data = tables.dataSpan();
        List<ReportPeriod> periods = BackfillJobConfiguration.periods(from, to);
        for (ReportPeriod period : List.of(periods.get(0), periods.get(periods.size() - 1))) {
            data.check(period);
        }
        String metricsRun = tables.run().runId();
        run.progress("backfill of " + periods.size() + " periods, " + from + " to " + to + ", from metrics run "
                + metricsRun);
        runtime.run(BackfillJobConfiguration.JOB, Map.of(
                BackfillJobConfiguration.FROM, periods.get(0).label(),
                BackfillJobConfiguration.TO, periods.get(periods.size() - 1).label(),
                ReportJobConfiguration.KIND, kind.name(),
                ReportJobConfiguration.OUT, out.toAbsolutePath().toString(),
                ReportJobConfiguration.METRICS_RUN, metricsRun,
                BackfillJobConfiguration.FORCE, String.valueOf(force)));
    }
}
