package io.commercemetrics.jobs.batch;

import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobParameters;

/**
 * A job whose steps follow from its parameters (a backfill's steps are its periods). The same
 * parameters always give the same steps, so a restart finds the steps it completed by name.
 */
public interface ParameterizedJobs {

    String jobName();

    Job job(JobParameters parameters);
}
