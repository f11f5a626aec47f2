package io.commercemetrics.jobs.cli;

import io.commercemetrics.jobs.batch.CrashedRuns;
import io.commercemetrics.jobs.batch.ElapsedTime;
import io.commercemetrics.jobs.batch.JobRequests;
import io.commercemetrics.jobs.batch.JobRuntime;
import io.commercemetrics.jobs.batch.JobState;
import io.commercemetrics.jobs.batch.MetricsRun;
import io.commercemetrics.jobs.batch.RequestRecorder;
import io.commercemetrics.jobs.batch.RunContext;
import io.commercemetrics.jobs.batch.StopRequests;
import io.commercemetrics.jobs.config.ConfigLoader;
import io.commercemetrics.warehouse.RunIds;
import io.commercemetrics.warehouse.Warehouse;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobInstance;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jobs}: the executions in the job repository (what ran, what failed and why), one
 * execution's steps, and restarting or stopping one.
 */
@Command(name = "jobs", mixinStandardHelpOptions = true,
        description = {"List the job executions recorded in the warehouse's job repository, newest first: id, job, "
                + "status, start, duration, rows read / written / quarantined, and how a failed one ended. "
                + "`jobs show ID` lists its steps, `jobs restart ID` resumes a failed or stopped one from the step "
                + "that did not complete, `jobs stop [ID]` asks the running one to stop at its next step.", ""},
        subcommands = {JobsCommand.Show.class, JobsCommand.Restart.class, JobsCommand.Stop.class})
public class JobsCommand extends JobCommand {

    /** Parameters every execution has, left out of the short request shown in the list. */
    private static final Set<String> NOT_SHOWN = Set.of("warehouse", JobRuntime.CONFIG_HASH, JobRequests.LAUNCH,
            "run.id", "inputs.fingerprint", "raw.snapshots", "closed.months");

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "How many executions to list (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    protected boolean writesWarehouse() {
        return false;
    }

    /** With --job-repository the history is in that database, whatever this machine's folder holds. */
    @Override
    protected boolean readsExistingWarehouse() {
        return engine.jobRepositoryUrl == null;
    }

    @Override
    protected void execute(JobRuntime runtime, RunContext run) {
        JobExplorer explorer = runtime.bean(JobExplorer.class);
        List<JobExecution> executions = new ArrayList<>();
        for (String job : explorer.getJobNames()) {
            for (JobInstance instance : explorer.getJobInstances(job, 0, limit)) {
                executions.addAll(explorer.getJobExecutions(instance));
            }
        }
        // a shared repository (PostgreSQL) holds other warehouses' jobs too: this warehouse's only
        String location = run.warehouse().location();
        executions.removeIf(execution -> {
            String warehouse = execution.getJobParameters().getString("warehouse");
            return warehouse != null && !warehouse.equals(location);
        });
        executions.sort(Comparator.comparing(JobExecution::getCreateTime).reversed());
        run.progress(String.format("%5s  %-12s %-9s %-19s %10s %11s %11s %11s  %s", "id", "job", "status", "started",
                "duration", "read", "written", "quarantined", "request / how it ended"));
        for (JobExecution execution : executions.stream().limit(limit).toList()) {
            Figures figures = Figures.of(execution.getStepExecutions());
            String ended = ending(execution);
            run.progress(String.format("%5d  %-12s %-9s %-19s %10s %,11d %,11d %,11d  %s", execution.getId(),
                    execution.getJobInstance().getJobName().replace("Job", ""), execution.getStatus(),
                    time(execution.getStartTime()), duration(execution.getStartTime(), execution.getEndTime()),
                    figures.read, figures.written, figures.quarantined,
                    request(execution) + (ended.isEmpty() ? "" : " | " + ended)));
        }
        if (executions.isEmpty()) {
            run.progress("(no job has run on this warehouse yet)");
        }
    }

    /** The request in a few words: the parameters that differ from one execution to the next. */
    private static String request(JobExecution execution) {
        List<String> words = new ArrayList<>();
        execution.getJobParameters().getIdentifyingParameters().forEach((key, value) -> {
            String text = String.valueOf(value.getValue());
            if (!NOT_SHOWN.contains(key) && !text.isEmpty()) {
                words.add(key + "=" + text);
            }
        });
        return String.join(" ", words);
    }

    /** How an execution that did not complete ended: the step, and the first line of why. */
    static String ending(JobExecution execution) {
        if (!execution.getStatus().isUnsuccessful() && execution.getStatus() != BatchStatus.STOPPED) {
            return "";
        }
        String description = execution.getExitStatus().getExitDescription();
        boolean died = description.startsWith(CrashedRuns.DIED);
        String step = execution.getStepExecutions().stream()
                .filter(s -> s.getStatus().isUnsuccessful() || s.getStatus() == BatchStatus.STOPPED)
                .map(StepExecution::getStepName).findFirst().orElse(null);
        String where = (died ? "process died" : execution.getStatus().toString().toLowerCase())
                + (step == null ? "" : " in " + step);
        if (execution.getStatus() == BatchStatus.STOPPED) {
            return "stopped on request" + (step == null ? "" : " before " + step);
        }
        String why = died ? "" : firstLine(description);
        return why.isEmpty() ? where : where + ": " + why;
    }

    private static String firstLine(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String line = text.strip().lines().findFirst().orElse("");
        // Spring Batch records the stack trace; its first line is the exception and its message
        int colon = line.indexOf(": ");
        String message = colon > 0 && line.substring(0, colon).matches("[\\w.$]+") ? line.substring(colon + 2) : line;
        return message.length() > 160 ? message.substring(0, 157) + "..." : message;
    }

    static String time(LocalDateTime time) {
        return time == null ? "" : time.withNano(0).toString().replace('T', ' ');
    }

    static String duration(LocalDateTime start, LocalDateTime end) {
        return start != null && end != null ? ElapsedTime.shown(Duration.between(start, end)) : "";
    }

    /** Rows read, written and quarantined (Spring Batch's filter count) over steps. */
    record Figures(long read, long written, long quarantined) {
        static Figures of(Collection<StepExecution> steps) {
            return new Figures(steps.stream().mapToLong(StepExecution::getReadCount).sum(),
                    steps.stream().mapToLong(StepExecution::getWriteCount).sum(),
                    steps.stream().mapToLong(StepExecution::getFilterCount).sum());
        }
    }

    static JobExecution execution(JobRuntime runtime, long id) {
        JobExecution execution = runtime.bean(JobExplorer.class).getJobExecution(id);
        if (execution == null) {
            throw new IllegalArgumentException("no job execution " + id + " in this warehouse's job repository "
                    + "(`commerce-metrics jobs` lists them)");
        }
        return execution;
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"One execution: its request (every parameter), status and its steps with their figures.",
                    ""})
    static class Show extends JobCommand {

        @Parameters(index = "0", paramLabel = "ID", description = "The execution id (`jobs` lists them).")
        long id;

        @Override
        protected boolean writesWarehouse() {
            return false;
        }

        @Override
        protected void execute(JobRuntime runtime, RunContext run) {
            JobExecution execution = execution(runtime, id);
            run.progress("execution " + execution.getId() + " of " + execution.getJobInstance().getJobName()
                    + " (instance " + execution.getJobInstance().getInstanceId() + "): " + execution.getStatus());
            run.progress("  started  " + time(execution.getStartTime()) + ", ended " + time(execution.getEndTime())
                    + (execution.getEndTime() == null ? "(not recorded)" : ", took "
                    + duration(execution.getStartTime(), execution.getEndTime())));
            String ended = ending(execution);
            if (!ended.isEmpty()) {
                run.progress("  " + ended);
            }
            MetricsRun.runIdOf(execution).ifPresent(runId -> run.progress("  metrics run " + runId));
            run.progress("  request (* identifies it: the same request again resumes a failed execution):");
            execution.getJobParameters().getParameters().forEach((key, value) -> run.progress(String.format(
                    "    %s %-20s %s", value.isIdentifying() ? "*" : " ", key, value.getValue())));
            List<JobExecution> others = runtime.bean(JobExplorer.class).getJobExecutions(execution.getJobInstance())
                    .stream().filter(e -> !e.getId().equals(execution.getId()))
                    .sorted(Comparator.comparing(JobExecution::getId)).toList();
            if (!others.isEmpty()) {
                run.progress("  other executions of the same request: " + String.join(", ", others.stream()
                        .map(e -> e.getId() + " " + e.getStatus()).toList()));
            }
            run.progress(String.format("  %-22s %-9s %-19s %10s %11s %11s %11s  %s", "step", "status", "started",
                    "duration", "read", "written", "quarantined", "exit"));
            for (StepExecution step : execution.getStepExecutions().stream()
                    .sorted(Comparator.comparing(StepExecution::getId)).toList()) {
                run.progress(String.format("  %-22s %-9s %-19s %10s %,11d %,11d %,11d  %s", step.getStepName(),
                        step.getStatus(), time(step.getStartTime()), duration(step.getStartTime(), step.getEndTime()),
                        step.getReadCount(), step.getWriteCount(), step.getFilterCount(),
                        firstLine(step.getExitStatus().getExitDescription())));
            }
            run.progress("  (steps a restart skipped ran in an earlier execution of the same request)");
        }
    }

    @Command(name = "restart", mixinStandardHelpOptions = true,
            description = {"Resume a FAILED or STOPPED execution from the step that did not complete, with the "
                    + "configuration it ran with; the steps it completed are not run again, and its outputs end as "
                    + "an uninterrupted run's would.", ""})
    static class Restart extends JobCommand {

        @Parameters(index = "0", paramLabel = "ID", description = "The execution id (`jobs` lists them).")
        long id;

        private JobExecution resumed;
        private String recordedConfig;

        /** First, read the execution (its request and recorded configuration) without taking the lock. */
        @Override
        public Integer call() {
            Warehouse target = warehouseOptions.warehouse();
            if (!target.exists()) {
                throw new IllegalArgumentException("no warehouse at " + target.root() + " (check --warehouse)");
            }
            ConfigLoader defaults = ConfigLoader.defaults();
            RunContext probe = new RunContext(RunIds.next(Clock.systemUTC()), target, defaults.load(),
                    defaults.toYaml(), null, List.of(), null, new PrintStream(System.out, true,
                    StandardCharsets.UTF_8));
            try (JobRuntime runtime = JobRuntime.start(probe, engine.jobRepositoryUrl, engine.jobRepositoryUser,
                    engine.jobRepositoryPassword(), false)) {
                resumed = execution(runtime, id);
            }
            if (resumed.getStatus() != BatchStatus.FAILED
                    && resumed.getStatus() != BatchStatus.STOPPED) {
                throw new IllegalArgumentException("execution " + id + " is " + resumed.getStatus()
                        + ": only a FAILED or STOPPED execution can be restarted");
            }
            recordedConfig = JobState.of(resumed).find(RequestRecorder.CONFIG, String.class)
                    .orElseThrow(() -> new IllegalArgumentException("execution " + id + " was made by an earlier "
                            + "version that did not record its configuration: run its command again instead"));
            return super.call();
        }

        @Override
        protected ConfigLoader configuration(Warehouse target) {
            return ConfigLoader.recorded(recordedConfig);
        }

        @Override
        protected List<Path> inputs() {
            String inputs = resumed.getJobParameters().getString("inputs");
            return inputs == null || inputs.isEmpty() ? List.of()
                    : Arrays.stream(inputs.split(IngestCommand.INPUT_SEPARATOR)).map(Path::of).toList();
        }

        @Override
        protected LocalDate asOf() {
            String asOf = resumed.getJobParameters().getString("as-of");
            return asOf == null || asOf.isEmpty() ? null : LocalDate.parse(asOf);
        }

        @Override
        protected void execute(JobRuntime runtime, RunContext run) {
            run.progress("restarting execution " + id + " (" + resumed.getJobInstance().getJobName() + ", "
                    + ending(resumed) + ")");
            JobExecution execution = runtime.restart(resumed);
            run.progress("execution " + execution.getId() + " " + execution.getStatus().toString().toLowerCase()
                    + " (the same request as " + id + ")");
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = {"Ask the job running on this warehouse (or execution ID) to stop at its next step "
                    + "boundary: the step in progress finishes, the execution ends STOPPED, and `jobs restart` "
                    + "resumes it. Returns at once; works on the machine that runs the job.", ""})
    static class Stop implements Callable<Integer> {

        @Mixin
        WarehouseOptions warehouseOptions;

        @Parameters(index = "0", arity = "0..1", paramLabel = "ID",
                description = "The execution to stop (default: the one running now).")
        Long id;

        @Override
        public Integer call() {
            Warehouse target = warehouseOptions.warehouse();
            if (!target.exists()) {
                throw new IllegalArgumentException("no warehouse at " + target.root() + " (check --warehouse)");
            }
            // no job runtime: the running job holds the embedded history, and a stop must not wait for it
            Path request = StopRequests.request(target, id == null ? StopRequests.CURRENT : String.valueOf(id));
            System.out.println("asked " + (id == null ? "the running execution" : "execution " + id)
                    + " to stop at its next step (" + request + ")");
            return 0;
        }
    }

}
