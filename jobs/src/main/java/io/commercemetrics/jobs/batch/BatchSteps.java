package io.commercemetrics.jobs.batch;

import org.springframework.batch.core.Step;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.transaction.PlatformTransactionManager;

/** Steps that run one piece of work once, as every step of the ingest and metrics jobs does. */
final class BatchSteps {

    private BatchSteps() {
    }

    static Step step(String name, JobRepository repository, PlatformTransactionManager tx, Runnable work) {
        return new StepBuilder(name, repository).tasklet((contribution, chunk) -> {
            work.run();
            return RepeatStatus.FINISHED;
        }, tx).build();
    }
}
