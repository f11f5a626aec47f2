package io.commercemetrics.jobs.batch;

import static io.commercemetrics.jobs.batch.BatchSteps.step;

import io.commercemetrics.jobs.ingest.FilesRejectedException;
import io.commercemetrics.jobs.ingest.IngestOptions;
import io.commercemetrics.jobs.ingest.IngestRun;
import io.commercemetrics.jobs.ingest.IngestSummary;
import io.commercemetrics.jobs.ingest.IngestSummaryTable;
import io.commercemetrics.schemas.Sources;
import io.commercemetrics.schemas.TableSchema;
import java.nio.file.Path;
import java.util.function.Supplier;
import io.commercemetrics.jobs.spark.SparkTables;
import io.commercemetrics.warehouse.WarehouseCatalog;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The ingest job: find the files, one step per source of DATA.md (streaming, no Spark), the
 * cross-file checks and raw table rebuild on Spark, then the summary and manifest.
 */
@Configuration
public class IngestJobConfiguration {

    public static final String JOB = "ingestJob";

    @Bean
    @Lazy
    IngestRun ingestRun(RunContext run) {
        return new IngestRun(new IngestOptions(run.inputs(), run.warehouse().root(), run.config(), run.runId(),
                run::progress), run.warehouse());
    }

    @Bean
    Job ingestJob(JobRepository repository, PlatformTransactionManager tx, ObjectProvider<IngestRun> ingestRun,
                  SparkSessionProvider spark, WarehouseCatalog catalog, RunContext run) {
        // created when the first step runs, not when the context starts (other commands share it)
        Supplier<IngestRun> ingest = ingestRun::getObject;
        SimpleJobBuilder job = new JobBuilder(JOB, repository)
                .start(step("ingest-discover", repository, tx, () -> ingest.get().discover()));
        for (TableSchema source : Sources.ALL) {
            job.next(step("ingest-" + source.name(), repository, tx, () -> ingest.get().ingestSource(source.name())));
        }
        return job.next(step("ingest-warehouse", repository, tx, () -> ingest.get().buildWarehouse(new SparkTables(spark.get(), catalog, run.runId()))))
                .next(step("ingest-summary", repository, tx, () -> {
                    IngestSummary summary = ingest.get().summary();
                    run.progress(IngestSummaryTable.render(summary));
                    Path manifest = ingest.get().writeManifest(run.configYaml());
                    run.progress("manifest: " + manifest);
                    if (summary.rejectedFiles() > 0) {
                        // last, after the warehouse and the manifest: the run did all it could, but not all it was asked
                        throw new FilesRejectedException(summary);
                    }
                }))
                .build();
    }
}
