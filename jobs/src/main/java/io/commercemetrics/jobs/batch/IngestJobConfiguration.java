package io.commercemetrics.jobs.batch;

import static io.commercemetrics.jobs.batch.BatchSteps.step;

import io.commercemetrics.jobs.ingest.CrossFileResult;
import io.commercemetrics.jobs.ingest.FileResult;
import io.commercemetrics.jobs.ingest.FilesRejectedException;
import io.commercemetrics.jobs.ingest.SourceResult;
import io.commercemetrics.jobs.ingest.IngestOptions;
import io.commercemetrics.jobs.ingest.IngestRun;
import io.commercemetrics.jobs.ingest.IngestSummary;
import io.commercemetrics.jobs.ingest.IngestSummaryTable;
import io.commercemetrics.schemas.Sources;
import io.commercemetrics.schemas.TableSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import io.commercemetrics.jobs.spark.SparkTables;
import io.commercemetrics.warehouse.WarehouseCatalog;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The ingest job: find the files, one step per source of DATA.md (streaming, no Spark), the
 * cross-file checks and raw table rebuild on Spark, then the summary and manifest. Each source's
 * result and the cross-file result are kept in the job state, so a restarted job skips the
 * sources already staged and still sums them up.
 */
@Configuration
public class IngestJobConfiguration {

    public static final String JOB = "ingestJob";
    private static final String SOURCE = "ingest.source.";
    private static final String CROSS_FILE = "ingest.cross-file";

    /** The ingest steps, shared by the ingest job and the pipeline job. */
    public record IngestSteps(List<Step> steps) {
    }

    @Bean
    IngestSteps ingestSteps(JobRepository repository, PlatformTransactionManager tx, StepProgress progress,
                            SparkSessionProvider spark, WarehouseCatalog catalog, RunContext run, StepBoundaries stops) {
        JobIngest ingest = new JobIngest(run, progress);
        List<Step> steps = new ArrayList<>();
        steps.add(step("ingest-discover", repository, tx, (state, counts) -> ingest.of(state).discover(), stops));
        for (TableSchema source : Sources.ALL) {
            steps.add(step("ingest-" + source.name(), repository, tx, (state, counts) -> {
                SourceResult result = ingest.of(state).ingestSource(source.name());
                state.put(SOURCE + source.name(), result);
                for (FileResult file : result.files()) {
                    if (file.change() != FileResult.Change.UNCHANGED) {
                        // StepContribution counts reads one by one: the file's count goes to the step itself
                        counts.getStepExecution().setReadCount(counts.getStepExecution().getReadCount()
                                + file.rowsRead());
                        counts.incrementWriteCount(file.accepted());
                        counts.incrementFilterCount(file.quarantined());
                    }
                }
            }, stops));
        }
        steps.add(step("ingest-warehouse", repository, tx, (state, counts) -> {
            restore(state, ingest.of(state), false);
            CrossFileResult crossFile = ingest.of(state).buildWarehouse(
                    new SparkTables(spark.get(), catalog, ingest.runId(state)));
            state.put(CROSS_FILE, crossFile);
            // rows the cross-file rules moved to the quarantine: with the row checks', the summary's total
            counts.incrementFilterCount(crossFile.rejectedByFile().values().stream()
                    .flatMap(reasons -> reasons.values().stream()).mapToLong(Long::longValue).sum());
        }, stops));
        steps.add(step("ingest-summary", repository, tx, (state, counts) -> {
            restore(state, ingest.of(state), true);
            IngestSummary summary = ingest.of(state).summary();
            run.progress(IngestSummaryTable.render(summary));
            Path manifest = ingest.of(state).writeManifest(run.configYaml());
            run.progress("manifest: " + manifest);
            if (summary.rejectedFiles() > 0) {
                // last, after the warehouse and the manifest: the run did all it could, but not all it was asked
                throw new FilesRejectedException(summary);
            }
        }, stops));
        return new IngestSteps(List.copyOf(steps));
    }

    @Bean
    Job ingestJob(JobRepository repository, RequestRecorder recorder, IngestSteps steps) {
        return BatchSteps.job(JOB, repository, recorder, steps.steps());
    }

    /**
     * The ingest of a job, made when its first step runs in this process (not when the context
     * starts: other commands share it), under the run id of the job's first execution: a restarted
     * ingest stages, commits its raw tables and names its manifest as the run it continues.
     */
    private static final class JobIngest {

        private static final String RUN_ID = "ingest.run-id";

        private final RunContext run;
        private final StepProgress progress;
        private IngestRun ingest;

        JobIngest(RunContext run, StepProgress progress) {
            this.run = run;
            this.progress = progress;
        }

        synchronized IngestRun of(JobState state) {
            if (ingest == null) {
                ingest = new IngestRun(new IngestOptions(run.inputs(), run.warehouse().root(), run.config(),
                        runId(state), run::progress, progress.reading()), run.warehouse());
            }
            return ingest;
        }

        String runId(JobState state) {
            if (!state.has(RUN_ID)) {
                state.put(RUN_ID, run.runId());
            }
            return state.getString(RUN_ID);
        }
    }

    /** What the steps a restart skipped established, from the job state (a no-op in the process that ran them). */
    private static void restore(JobState state, IngestRun ingest, boolean crossFile) {
        for (TableSchema source : Sources.ALL) {
            state.find(SOURCE + source.name(), SourceResult.class).ifPresent(ingest::restore);
        }
        if (crossFile) {
            state.find(CROSS_FILE, CrossFileResult.class).ifPresent(ingest::restore);
        }
    }
}
