package io.commercemetrics.jobs.batch;

import io.commercemetrics.reports.ReportKind;
import io.commercemetrics.reports.ReportRenderer;
import io.commercemetrics.reports.ReportRequest;
import io.commercemetrics.reports.finance.Payday;
import io.commercemetrics.reports.index.ReportVersions;
import io.commercemetrics.reports.period.ReportPeriod;
import io.commercemetrics.reports.warehouse.WarehouseTables;
import io.commercemetrics.warehouse.WarehouseCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The backfill job: the reports of every period of a range, oldest first, one step per period, all
 * from one metrics run. A period whose reports that run already rendered is skipped unless forced;
 * a failed or stopped backfill resumes at the period it did not finish.
 */
@Configuration
public class BackfillJobConfiguration {

    public static final String JOB = "backfillJob";
    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String FORCE = "force";

    @Bean
    ParameterizedJobs backfillJobs(JobRepository repository, PlatformTransactionManager tx, RunContext run,
                                   WarehouseCatalog catalog, StepBoundaries boundaries, RequestRecorder recorder) {
        ReportRenderer renderer = new ReportRenderer();
        return new ParameterizedJobs() {
            @Override
            public String jobName() {
                return JOB;
            }

            @Override
            public Job job(JobParameters parameters) {
                Path out = Path.of(parameters.getString(ReportJobConfiguration.OUT));
                ReportKind kind = ReportKind.valueOf(parameters.getString(ReportJobConfiguration.KIND));
                String metricsRun = parameters.getString(ReportJobConfiguration.METRICS_RUN);
                boolean force = Boolean.parseBoolean(parameters.getString(FORCE));
                List<Step> steps = new ArrayList<>();
                for (ReportPeriod period : periods(parameters.getString(FROM), parameters.getString(TO))) {
                    steps.add(new StepBuilder("report-" + period.label(), repository).tasklet((contribution, chunk) -> {
                        WarehouseTables tables = WarehouseTables.of(catalog, metricsRun);
                        List<ReportKind> kinds = kinds(kind, period);
                        boolean done = !force && kinds.stream().allMatch(k ->
                                ReportVersions.renderedFrom(out.resolve(period.label()), k, metricsRun));
                        if (done) {
                            run.progress(period.label() + ": already rendered from run " + metricsRun
                                    + ", skipped (--force renders it again)");
                        } else {
                            renderer.render(new ReportRequest(tables, out, period.label(), kind, run::progress,
                                    new Payday(run.config().commission().payday())));
                        }
                        return RepeatStatus.FINISHED;
                    }, tx).listener(boundaries).build());
                }
                return BatchSteps.job(JOB, repository, recorder, steps);
            }
        };
    }

    /** Every period from {@code from} to {@code to}, both included, oldest first; both of one type. */
    public static List<ReportPeriod> periods(String from, String to) {
        ReportPeriod first = ReportPeriod.parse(from);
        ReportPeriod last = ReportPeriod.parse(to);
        if (first.type() != last.type()) {
            throw new IllegalArgumentException("--from " + from + " and --to " + to
                    + " must both be months (2026-01) or both ISO weeks (2026-W01)");
        }
        if (first.start().isAfter(last.start())) {
            throw new IllegalArgumentException("--from " + from + " is after --to " + to);
        }
        List<ReportPeriod> periods = new ArrayList<>();
        for (ReportPeriod period = last; !period.start().isBefore(first.start()); period = period.previous()) {
            periods.add(0, period);
        }
        return periods;
    }

    /** The reports a period gets: the finance report is monthly. */
    static List<ReportKind> kinds(ReportKind kind, ReportPeriod period) {
        List<ReportKind> kinds = new ArrayList<>();
        if (kind.includesManagement()) {
            kinds.add(ReportKind.management);
        }
        if (kind.includesFinance() && period.isMonth()) {
            kinds.add(ReportKind.finance);
        }
        return kinds;
    }
}
