package io.commercemetrics.jobs.batch;

import io.commercemetrics.warehouse.CatalogDatabase;
import io.commercemetrics.warehouse.JobHistoryLock;
import io.commercemetrics.warehouse.WarehouseCatalog;
import io.commercemetrics.warehouse.Warehouse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Boots the Spring Batch context for one command and runs its jobs. The job repository is the H2
 * file under the warehouse unless a JDBC URL is given (PostgreSQL: {@code jdbc:postgresql://...}).
 */
public final class JobRuntime implements AutoCloseable {

    /** The identifying parameter that stands for the whole configuration in force. */
    public static final String CONFIG_HASH = "config.sha";

    private final ConfigurableApplicationContext context;
    private static final Set<String> WRITING_JOBS = Set.of(IngestJobConfiguration.JOB, MetricsJobConfiguration.JOB);

    private final RunContext run;
    private final JobHistoryLock lock;
    private final WarehouseCatalog catalog;

    private JobRuntime(ConfigurableApplicationContext context, RunContext run, JobHistoryLock lock,
                       WarehouseCatalog catalog) {
        this.context = context;
        this.run = run;
        this.lock = lock;
        this.catalog = catalog;
    }

    /** Starts the runtime of a command that writes the warehouse (see the next method). */
    public static JobRuntime start(RunContext run, String jobRepositoryUrl, String user, String password) {
        return start(run, jobRepositoryUrl, user, password, true);
    }

    /**
     * @param jobRepositoryUrl a JDBC URL, or null for the warehouse's own H2 file
     * @param user             the database user for a JDBC URL, or null
     * @param password         its password (only for a JDBC URL: the embedded file has none), or null
     * @param writer           whether the command holds the warehouse lock. A writer waits for a reader
     *                         that has the embedded history open; a reader that finds it open (a run is
     *                         writing) records its job in memory only and says so
     */
    public static JobRuntime start(RunContext run, String jobRepositoryUrl, String user, String password,
                                   boolean writer) {
        Warehouse warehouse = run.warehouse();
        boolean embedded = jobRepositoryUrl == null;
        String url = embedded ? warehouse.jobRepositoryUrl() : jobRepositoryUrl;
        JobHistoryLock lock = null;
        if (embedded) {
            // the embedded database holds the catalog too: a reader needs it as much as a writer does,
            // so both wait for a run that has it open (PostgreSQL serves many processes at once)
            lock = JobHistoryLock.await(warehouse, run.runId(), run::progress);
            user = null;
            password = null;
        }
        JobRuntime runtime = null;
        WarehouseCatalog catalog = null;
        try {
            catalog = WarehouseCatalog.open(new CatalogDatabase(url, user, password), warehouse.tablesLocation(),
                    run.config().hadoop().configuration());
            runtime = new JobRuntime(context(run, url, user, password, catalog), run, lock, catalog);
            runtime.markCrashedRuns(embedded, writer);
            return runtime;
        } catch (RuntimeException e) {
            if (runtime != null) {
                runtime.close();
            } else {
                if (catalog != null) {
                    catalog.close();
                }
                if (lock != null) {
                    lock.close();
                }
            }
            throw e;
        }
    }

    private static ConfigurableApplicationContext context(RunContext run, String url, String user, String password,
                                                          WarehouseCatalog catalog) {
        Map<String, Object> properties = new java.util.HashMap<>(Map.of(
                "spring.datasource.url", url,
                // created once: re-running the schema script on every start only fills H2's trace file with errors
                "spring.batch.jdbc.initialize-schema",
                JobRepositorySchema.exists(url, user, password) ? "never" : "always",
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
        return new SpringApplicationBuilder(BatchApplication.class)
                .web(WebApplicationType.NONE)
                .properties(properties)
                .initializers(ctx -> {
                    ctx.getBeanFactory().registerSingleton("runContext", run);
                    ctx.getBeanFactory().registerSingleton("warehouseCatalog", catalog);
                })
                .run();
    }

    /**
     * Holding the embedded history's lock proves no other process has it open, so every execution
     * still running there is dead. In a shared repository only this warehouse's writing jobs can be
     * judged, and only by a writer: it holds the warehouse lock a live writer would hold.
     */
    private void markCrashedRuns(boolean embedded, boolean writer) {
        if (embedded ? lock == null : !writer) {
            return;
        }
        String warehouse = run.warehouse().location();
        List<JobExecution> repaired = CrashedRuns.markFailed(context.getBean(JobExplorer.class),
                context.getBean(JobRepository.class),
                execution -> embedded || (WRITING_JOBS.contains(execution.getJobInstance().getJobName())
                        && warehouse.equals(execution.getJobParameters().getString("warehouse"))),
                run.runId());
        for (JobExecution execution : repaired) {
            run.progress("note: run " + execution.getJobParameters().getString("run.id") + " ("
                    + execution.getJobInstance().getJobName() + ") was killed; marked FAILED as of "
                    + execution.getEndTime().withNano(0).toString().replace('T', ' '));
        }
    }

    /**
     * Runs a job to its end for a request (see {@link JobRequests}): the warehouse, the configuration's
     * hash and {@code request} identify it. A failed or stopped execution of the same request is
     * resumed from the step that did not complete; otherwise a new instance is launched.
     */
    public JobExecution run(String jobName, Map<String, String> request) {
        JobParameters requested = request(request);
        Optional<JobExecution> previous = JobRequests.latest(context.getBean(JobExplorer.class), jobName, requested);
        if (previous.isPresent() && resumable(previous.get())) {
            JobExecution last = previous.get();
            run.progress("resuming execution " + last.getId() + " of the same request (" + last.getStatus()
                    + unfinishedStep(last) + "): the steps it completed are not run again");
            return launch(jobName, last.getJobParameters());
        }
        return launch(jobName, new JobParametersBuilder(requested)
                .addString(JobRequests.LAUNCH, run.runId(), true)
                .addString("run.id", run.runId(), false)
                .toJobParameters());
    }

    /** The last execution of exactly this request, if it completed (a command may then have nothing to do). */
    public Optional<JobExecution> completed(String jobName, Map<String, String> request) {
        return JobRequests.latest(context.getBean(JobExplorer.class), jobName, request(request))
                .filter(execution -> execution.getStatus() == BatchStatus.COMPLETED);
    }

    /** Resumes an execution that failed or was stopped, with its own parameters (jobs restart). */
    public JobExecution restart(JobExecution execution) {
        if (!resumable(execution)) {
            throw new IllegalArgumentException("execution " + execution.getId() + " is " + execution.getStatus()
                    + ": only a FAILED or STOPPED execution can be restarted");
        }
        return launch(execution.getJobInstance().getJobName(), execution.getJobParameters());
    }

    private JobParameters request(Map<String, String> request) {
        JobParametersBuilder builder = new JobParametersBuilder()
                .addString("warehouse", run.warehouse().location(), true)
                .addString(CONFIG_HASH, JobRequests.configHash(run.configYaml()), true);
        request.forEach((key, value) -> builder.addString(key, value, true));
        return builder.toJobParameters();
    }

    private static boolean resumable(JobExecution execution) {
        return execution.getStatus() == BatchStatus.FAILED || execution.getStatus() == BatchStatus.STOPPED;
    }

    private static String unfinishedStep(JobExecution execution) {
        return execution.getStepExecutions().stream()
                .filter(step -> step.getStatus() != BatchStatus.COMPLETED)
                .map(step -> " in step " + step.getStepName()).findFirst().orElse("");
    }

    private JobExecution launch(String jobName, JobParameters parameters) {
        Job job = context.containsBean(jobName) ? context.getBean(jobName, Job.class)
                : context.getBeansOfType(ParameterizedJobs.class).values().stream()
                        .filter(jobs -> jobs.jobName().equals(jobName)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no job " + jobName))
                        .job(parameters);
        try {
            JobExecution execution = context.getBean(JobLauncher.class).run(job, parameters);
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                Throwable cause = execution.getAllFailureExceptions().stream().findFirst().orElse(null);
                throw new JobFailedException(jobName, execution, cause);
            }
            return execution;
        } catch (org.springframework.batch.core.JobExecutionException e) {
            throw new JobFailedException(jobName, null, e);
        }
    }

    /** The warehouse's Iceberg catalog, in the job repository's database. */
    public WarehouseCatalog catalog() {
        return catalog;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            try {
                catalog.close();
            } finally {
                if (lock != null) {
                    lock.close();
                }
            }
        }
    }
}
