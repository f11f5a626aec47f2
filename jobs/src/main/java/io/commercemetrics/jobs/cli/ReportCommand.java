package io.commercemetrics.jobs.cli;

import io.commercemetrics.jobs.batch.JobRuntime;
import io.commercemetrics.jobs.batch.ReportJobConfiguration;
import io.commercemetrics.jobs.batch.RunContext;
import io.commercemetrics.reports.ReportKind;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Render the management report (PDF and HTML, weekly or monthly) and the finance report "
                + "(monthly commission statement and reconciliation as PDF, XLSX and CSV) from the metric tables, "
                + "and refresh <out>/index.html.", ""})
public class ReportCommand extends JobCommand {

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "var/reports",
            description = "Reports folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @ArgGroup(exclusive = true)
    Period period = new Period();

    @Option(names = "--kind", paramLabel = "KIND", defaultValue = "all",
            description = "management, finance or all (default: ${DEFAULT-VALUE}).")
    ReportKind kind;

    static class Period {
        @Option(names = "--month", paramLabel = "YYYY-MM", description = "A month, e.g. 2026-10.")
        String month;

        @Option(names = "--week", paramLabel = "YYYY-Www", description = "An ISO week, e.g. 2026-W40.")
        String week;

        @Option(names = "--latest", description = "The latest complete week and month (the default).")
        boolean latest;

        String label() {
            return month != null ? month : week != null ? week : "latest";
        }
    }

    @Mixin
    RunOption run = new RunOption();

    /** Rendering reads only: no lock, and the recorded configuration stays as it is. */
    @Override
    protected boolean writesWarehouse() {
        return false;
    }

    @Override
    protected void execute(JobRuntime runtime, RunContext run) {
        runtime.run(ReportJobConfiguration.JOB, parameters(out, period.label(), kind, this.run.parameter(runtime.catalog())));
    }

    /** @param metricsRun a run id, or empty for the latest run */
    static Map<String, String> parameters(Path out, String period, ReportKind kind, String metricsRun) {
        return Map.of(ReportJobConfiguration.OUT, out.toAbsolutePath().toString(),
                ReportJobConfiguration.PERIOD, period, ReportJobConfiguration.KIND, kind.name(),
                ReportJobConfiguration.METRICS_RUN, metricsRun);
    }
}
