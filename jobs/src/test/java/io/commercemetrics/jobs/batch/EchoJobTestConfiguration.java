package io.commercemetrics.jobs.batch;

import org.springframework.batch.core.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** A one-step job for testing the runtime itself: prints its run id, or fails when asked to. */
@Configuration
class EchoJobTestConfiguration {

    @Bean
    Job echoJob(JobRepository repository, PlatformTransactionManager tx, RunContext run) {
        return new JobBuilder("echoJob", repository)
                .start(new StepBuilder("echo", repository).tasklet((contribution, chunk) -> {
                    if (run.inputs().stream().anyMatch(p -> p.toString().equals("fail"))) {
                        throw new IllegalStateException("asked to fail");
                    }
                    run.progress("echo " + run.runId());
                    return RepeatStatus.FINISHED;
                }, tx).build())
                .build();
    }
}
