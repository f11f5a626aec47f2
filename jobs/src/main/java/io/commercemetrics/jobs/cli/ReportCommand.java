package io.commercemetrics.jobs.cli;

import io.commercemetrics.jobs.batch.JobRuntime;
import io.commercemetrics.jobs.batch.ReportJobConfiguration;
import io.commercemetrics.jobs.batch.RunContext;
import io.commercemetrics.jobs.delivery.DeliveryOutcome;
import io.commercemetrics.jobs.delivery.RenderedReports;
import io.commercemetrics.jobs.delivery.ReportDelivery;
import io.commercemetrics.jobs.delivery.SmtpPassword;
import io.commercemetrics.reports.ReportKind;
import io.commercemetrics.reports.ReportRenderer;
import io.commercemetrics.reports.ReportRequest;
import io.commercemetrics.reports.period.ReportPeriod;
import io.commercemetrics.reports.warehouse.WarehouseTables;
import java.nio.file.Path;
import java.util.List;
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

        /**
         * The period asked for, in the one form each option takes (a week given as a month, or the
         * reverse, is refused), or {@code latest}.
         */
        String label() {
            try {
                if (month != null) {
                    return ReportPeriod.parseMonth(month).label();
                }
                return week != null ? ReportPeriod.parseWeek(week).label() : ReportRequest.LATEST;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException((month != null ? "--month " : "--week ") + e.getMessage(), e);
            }
        }
    }

    @Mixin
    RunOption run = new RunOption();

    @Option(names = "--mail", description = "Then mail each report rendered to its kind's recipients (configuration "
            + "delivery.*; the SMTP password only in $" + SmtpPassword.VARIABLE + "). A delivery that still fails "
            + "after its retries leaves the reports written and makes the command exit 1.")
    boolean mail;

    /** Rendering reads only: no lock, and the recorded configuration stays as it is. */
    @Override
    protected boolean writesWarehouse() {
        return false;
    }

    /** The period's form, and a finance report of a week: known from the options alone, refused before any work. */
    @Override
    protected void checkOptions() {
        String label = period.label();
        if (kind == ReportKind.finance && period.week != null) {
            throw new IllegalArgumentException("--kind finance: the finance report is monthly, ask for a --month, not "
                    + "the week " + label);
        }
    }

    /**
     * A period the data does not cover is refused before the job starts (a usage error, and nothing
     * written, the index included): the run record and the data's first day tell, no Spark needed.
     */
    @Override
    protected void execute(JobRuntime runtime, RunContext run) {
        String runId = this.run.parameter(runtime.catalog());
        WarehouseTables tables = WarehouseTables.of(runtime.catalog(), runId.isEmpty() ? null : runId);
        List<ReportPeriod> periods = ReportRenderer.periods(new ReportRequest(tables, out, period.label(), kind, null));
        ReportDelivery delivery = mail ? delivery(run) : null;
        runtime.run(ReportJobConfiguration.JOB, parameters(out, period.label(), kind, runId));
        if (delivery != null) {
            List<String> failed = RenderedReports.deliver(delivery, out, periods, kind, run::progress).stream()
                    .filter(DeliveryOutcome::failed).map(DeliveryOutcome::summary).toList();
            if (!failed.isEmpty()) {
                throw new IllegalStateException("the reports are written, but " + String.join("; ", failed));
            }
        }
    }

    /** --mail with nobody to mail is a usage error, found before anything is rendered. */
    private ReportDelivery delivery(RunContext run) {
        ReportDelivery delivery = ReportDelivery.fromEnvironment(run.config().delivery());
        boolean anyone = kind == ReportKind.all
                ? delivery.mails(ReportKind.management) || delivery.mails(ReportKind.finance) : delivery.mails(kind);
        if (!anyone) {
            String key = kind == ReportKind.all ? "delivery.management.to or delivery.finance.to"
                    : "delivery." + kind + ".to";
            throw new IllegalArgumentException("--mail: no recipients for the " + (kind == ReportKind.all
                    ? "management or finance" : kind) + " report; give them in the configuration (" + key
                    + ", with its .from), e.g. --set " + key.split(" ")[0] + "=[ceo@shop.example]");
        }
        return delivery;
    }

    /** @param metricsRun a run id, or empty for the latest run */
    static Map<String, String> parameters(Path out, String period, ReportKind kind, String metricsRun) {
        return Map.of(ReportJobConfiguration.OUT, out.toAbsolutePath().toString(),
                ReportJobConfiguration.PERIOD, period, ReportJobConfiguration.KIND, kind.name(),
                ReportJobConfiguration.METRICS_RUN, metricsRun);
    }
}
