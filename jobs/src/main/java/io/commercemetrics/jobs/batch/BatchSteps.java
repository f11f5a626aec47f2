package io.commercemetrics.jobs.batch;

import java.util.List;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Steps that run one piece of work once, as every step of the ingest and metrics jobs does. The
 * work gets the job's {@link JobState}, saved to the repository when it returns: what a step
 * established survives a failure or a kill of a later step, so a restart skips it.
 */
final class BatchSteps {

    private BatchSteps() {
    }

    /** A job of these steps in order; it records the configuration it runs with first. */
    static Job job(String name, JobRepository repository, RequestRecorder recorder, List<Step> steps) {
        SimpleJobBuilder job = new JobBuilder(name, repository).listener(recorder).start(steps.get(0));
        steps.subList(1, steps.size()).forEach(job::next);
        return job.build();
    }

    /**
     * The work of one step.
     */
    @FunctionalInterface
    interface StepWork {
        /**
         * @param state  the job's state: what earlier steps established, and what this one hands on
         * @param counts the step's figures as the job repository keeps them: rows read, rows written,
         *               and rows quarantined (Spring Batch's filter count)
         */
        void run(JobState state, StepContribution counts);
    }

    static Step step(String name, JobRepository repository, PlatformTransactionManager tx, StepWork work,
                     StepBoundaries stops) {
        return new StepBuilder(name, repository).tasklet((contribution, chunk) -> {
            JobState state = new JobState(chunk.getStepContext().getStepExecution().getJobExecution(), repository);
            work.run(state, contribution);
            state.save();
            return RepeatStatus.FINISHED;
        }, tx).listener(stops).build();
    }
}
