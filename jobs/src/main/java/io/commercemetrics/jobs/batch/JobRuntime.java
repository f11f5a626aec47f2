package io.commercemetrics.jobs.batch;

import io.commercemetrics.jobs.warehouse.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Boots the Spring Batch context for one command and runs its jobs. The job repository is the H2
 * file under the warehouse unless a JDBC URL is given (PostgreSQL: {@code jdbc:postgresql://...}).
 */
public final class JobRuntime implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final RunContext run;

    private JobRuntime(ConfigurableApplicationContext context, RunContext run) {
        this.context = context;
        this.run = run;
    }

    /**
     * @param jobRepositoryUrl a JDBC URL, or null for the warehouse's own H2 file
     * @param user             the database user for a JDBC URL, or null
     * @param password         its password, or null
     */
    public static JobRuntime start(RunContext run, String jobRepositoryUrl, String user, String password) {
        Warehouse warehouse = run.warehouse();
        String url = jobRepositoryUrl != null ? jobRepositoryUrl : warehouse.jobRepositoryUrl();
        if (jobRepositoryUrl == null) {
            try {
                Files.createDirectories(warehouse.jobRepository());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + warehouse.jobRepository(), e);
            }
        }
        Map<String, Object> properties = new java.util.HashMap<>(Map.of(
                "spring.datasource.url", url,
                "spring.batch.jdbc.initialize-schema", "always",
                "spring.sql.init.continue-on-error", "true",
                "spring.batch.job.enabled", "false",
                "spring.main.banner-mode", "off",
                "spring.main.log-startup-info", "false"));
        if (user != null) {
            properties.put("spring.datasource.username", user);
        }
        if (password != null) {
            properties.put("spring.datasource.password", password);
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(BatchApplication.class)
                .web(WebApplicationType.NONE)
                .properties(properties)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("runContext", run))
                .run();
        return new JobRuntime(context, run);
    }

    /** Runs a job to its end; the run id identifies the job instance, so every run is a new one. */
    public JobExecution run(String jobName, Map<String, String> parameters) {
        Job job = context.getBean(jobName, Job.class);
        JobParametersBuilder builder = new JobParametersBuilder()
                .addString("run.id", run.runId(), true)
                .addString("warehouse", run.warehouse().root().toString(), false);
        parameters.forEach((key, value) -> builder.addString(key, value, false));
        JobParameters jobParameters = builder.toJobParameters();
        try {
            JobExecution execution = context.getBean(JobLauncher.class).run(job, jobParameters);
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                Throwable cause = execution.getAllFailureExceptions().stream().findFirst().orElse(null);
                throw new JobFailedException(jobName, execution, cause);
            }
            return execution;
        } catch (org.springframework.batch.core.JobExecutionException e) {
            throw new JobFailedException(jobName, null, e);
        }
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
