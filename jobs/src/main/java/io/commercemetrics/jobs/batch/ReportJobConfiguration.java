package io.commercemetrics.jobs.batch;

import io.commercemetrics.reports.ReportKind;
import io.commercemetrics.reports.ReportRenderer;
import io.commercemetrics.reports.ReportRequest;
import io.commercemetrics.reports.finance.Payday;
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
            new ReportRenderer().render(new ReportRequest(tables, Path.of(out), period,
                    ReportKind.valueOf(kind), run::progress, new Payday(run.config().commission().payday())));
            return RepeatStatus.FINISHED;
        };
    }
}
