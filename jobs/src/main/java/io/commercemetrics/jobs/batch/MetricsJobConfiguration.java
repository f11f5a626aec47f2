package io.commercemetrics.jobs.batch;

import static io.commercemetrics.jobs.batch.BatchSteps.step;

import io.commercemetrics.warehouse.WarehouseCatalog;
import org.springframework.batch.core.Job;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.batch.core.job.builder.JobBuilder;
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

    @Bean
    @Lazy
    MetricsRun metricsRun(RunContext run, SparkSessionProvider spark, WarehouseCatalog catalog) {
        return new MetricsRun(run, spark, catalog);
    }

    @Bean
    Job metricsJob(JobRepository repository, PlatformTransactionManager tx, ObjectProvider<MetricsRun> metrics) {
        return new JobBuilder(JOB, repository)
                .start(step("metrics-prepare", repository, tx, () -> metrics.getObject().prepare()))
                .next(step("metrics-ledger", repository, tx, () -> metrics.getObject().ledger()))
                .next(step("metrics-analytics", repository, tx, () -> metrics.getObject().analytics()))
                .next(step("metrics-record", repository, tx, () -> metrics.getObject().record()))
                .build();
    }
}
