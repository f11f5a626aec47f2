package io.commercemetrics.jobs.batch;

import io.commercemetrics.reports.ReportKind;
import io.commercemetrics.reports.ReportRenderer;
import io.commercemetrics.reports.ReportRequest;
import io.commercemetrics.reports.finance.Payday;
import io.commercemetrics.reports.period.ReportPeriod;
import io.commercemetrics.reports.restatement.Restatement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import io.commercemetrics.reports.warehouse.WarehouseTables;
import io.commercemetrics.warehouse.WarehouseCatalog;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The report job: one step that renders the requested reports from the metric tables (no Spark). */
@Configuration
public class ReportJobConfiguration {

    public static final String JOB = "reportJob";
    public static final String OUT = "reports";
    public static final String PERIOD = "period";
    public static final String KIND = "kind";
    /** The metrics run to report from; empty for the latest. */
    public static final String METRICS_RUN = "metrics.run";

    @Bean
    Job reportJob(JobRepository repository, RequestRecorder recorder, Step renderReportsStep) {
        return BatchSteps.job(JOB, repository, recorder, List.of(renderReportsStep));
    }

    @Bean
    Step renderReportsStep(JobRepository repository, PlatformTransactionManager tx, Tasklet renderReportsTasklet,
                           StepBoundaries stops) {
        return new StepBuilder("report-render", repository).tasklet(renderReportsTasklet, tx).listener(stops).build();
    }

    @Bean
    @StepScope
    Tasklet renderReportsTasklet(RunContext run, WarehouseCatalog catalog,
                                 @Value("#{jobParameters['reports']}") String out,
                                 @Value("#{jobParameters['period']}") String period,
                                 @Value("#{jobParameters['kind']}") String kind,
                                 @Value("#{jobParameters['metrics.run']}") String metricsRun) {
        return (contribution, chunk) -> {
            WarehouseTables tables = WarehouseTables.of(catalog,
                    metricsRun == null || metricsRun.isEmpty() ? null : metricsRun);
            run.progress("reporting from metrics run " + tables.run().runId());
            ReportRenderer renderer = new ReportRenderer();
            Payday payday = new Payday(run.config().commission().payday());
            ReportRequest request = new ReportRequest(tables, Path.of(out), period, ReportKind.valueOf(kind),
                    run::progress, payday);
            List<ReportPeriod> rendered = ReportRenderer.periods(request);
            renderer.render(request);
            if (ReportRequest.LATEST.equals(period)) {
                for (ReportPeriod restated : restatedAndReported(catalog, tables, Path.of(out), rendered,
                        ReportKind.valueOf(kind))) {
                    run.progress(restated.label() + ": restated by run " + tables.run().runId() + ", rendered again");
                    renderer.render(new ReportRequest(tables, Path.of(out), restated.label(), ReportKind.valueOf(kind),
                            run::progress, payday));
                }
            }
            return RepeatStatus.FINISHED;
        };
    }

    /**
     * The periods already reported (they have a folder among the reports) whose figures this run
     * restated against the run before it (docs/restatements.md): reports of the latest periods
     * render them again, so no circulated report stays behind its figures. Weeks get no finance report.
     */
    static List<ReportPeriod> restatedAndReported(WarehouseCatalog catalog, WarehouseTables tables, Path out,
                                                  List<ReportPeriod> alreadyRendered, ReportKind kind) {
        return Restatement.sincePreviousRun(catalog, tables.run().runId())
                .map(Restatement::restatedPeriods).orElse(List.of()).stream()
                .filter(period -> !alreadyRendered.contains(period))
                .filter(period -> period.isMonth() || kind != ReportKind.finance)
                .filter(period -> Files.isDirectory(out.resolve(period.label())))
                .toList();
    }
}
