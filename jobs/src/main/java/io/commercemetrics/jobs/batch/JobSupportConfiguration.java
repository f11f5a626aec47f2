package io.commercemetrics.jobs.batch;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What every job shares: the record of its request, and what happens at its step boundaries, progress. */
@Configuration
public class JobSupportConfiguration {

    @Bean
    RequestRecorder requestRecorder(RunContext run, JobRepository repository) {
        return new RequestRecorder(run, repository);
    }

    @Bean(destroyMethod = "close")
    StepProgress stepProgress(RunContext run) {
        return new StepProgress(run.out(), System.console() != null);
    }

    @Bean
    StepBoundaries stepBoundaries(RunContext run, StepProgress progress) {
        return new StepBoundaries(new StopRequests(run), run, progress);
    }
}
