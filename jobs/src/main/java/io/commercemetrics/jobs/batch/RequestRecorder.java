package io.commercemetrics.jobs.batch;

import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Records in a job's context, before its first step, the configuration the job runs with (too long
 * for a job parameter): {@code jobs restart} resumes with exactly that configuration, whatever the
 * files say by then. A restarted execution inherits it from the execution it resumes.
 */
public final class RequestRecorder implements JobExecutionListener {

    public static final String CONFIG = "request.config";

    private final RunContext run;
    private final JobRepository repository;

    public RequestRecorder(RunContext run, JobRepository repository) {
        this.run = run;
        this.repository = repository;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        JobState state = new JobState(execution, repository);
        if (!state.has(CONFIG)) {
            state.put(CONFIG, run.configYaml());
            state.save();
        }
    }
}
