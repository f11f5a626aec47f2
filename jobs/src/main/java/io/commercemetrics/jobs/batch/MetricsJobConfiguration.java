package io.commercemetrics.jobs.batch;

import static io.commercemetrics.jobs.batch.BatchSteps.step;

import io.commercemetrics.warehouse.WarehouseCatalog;
import java.util.List;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The metrics job: register the raw tables and fix the data end and reporting currency, then a
 * step per table group (the referral ledger first: the analytical tables read its attribution and
 * commissions), each publishing its tables atomically, then the run record reports read.
 */
@Configuration
public class MetricsJobConfiguration {

    public static final String JOB = "metricsJob";

    /** The metrics steps, shared by the metrics job and the pipeline job. */
    public record MetricsSteps(List<Step> steps) {
    }

    @Bean
    @Lazy
    MetricsRun metricsRun(RunContext run, SparkSessionProvider spark, WarehouseCatalog catalog,
                          StepProgress progress) {
        return new MetricsRun(run, spark, catalog, progress);
    }

    @Bean
    MetricsSteps metricsSteps(JobRepository repository, PlatformTransactionManager tx,
                              ObjectProvider<MetricsRun> metrics, StepBoundaries stops) {
        return new MetricsSteps(List.of(
                step("metrics-prepare", repository, tx, (state, counts) -> metrics.getObject().prepare(state, counts), stops),
                step("metrics-ledger", repository, tx, (state, counts) -> metrics.getObject().ledger(state, counts), stops),
                step("metrics-analytics", repository, tx, (state, counts) -> metrics.getObject().analytics(state, counts), stops),
                step("metrics-record", repository, tx, (state, counts) -> metrics.getObject().record(state, counts), stops)));
    }

    @Bean
    Job metricsJob(JobRepository repository, RequestRecorder recorder, MetricsSteps steps) {
        return BatchSteps.job(JOB, repository, recorder, steps.steps());
    }
}
