package io.commercemetrics.jobs.batch;

import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The pipeline as one job: the ingest steps, the metrics steps, then the reports. One job, so a
 * pipeline that fails (or is killed) in metrics resumes there on restart: the ingest it completed
 * is not run again.
 */
@Configuration
public class PipelineJobConfiguration {

    public static final String JOB = "pipelineJob";

    @Bean
    Job pipelineJob(JobRepository repository, RequestRecorder recorder, IngestJobConfiguration.IngestSteps ingest,
                    MetricsJobConfiguration.MetricsSteps metrics, Step renderReportsStep) {
        List<Step> steps = new ArrayList<>(ingest.steps());
        steps.addAll(metrics.steps());
        steps.add(renderReportsStep);
        return BatchSteps.job(JOB, repository, recorder, steps);
    }
}
