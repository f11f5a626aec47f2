package io.commercemetrics.jobs.cli;

import io.commercemetrics.jobs.batch.CrashedRuns;
import io.commercemetrics.jobs.batch.JobRuntime;
import io.commercemetrics.jobs.batch.RunContext;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobInstance;
import org.springframework.batch.core.explore.JobExplorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "runs", mixinStandardHelpOptions = true,
        description = {"List the job runs recorded in the warehouse's job repository, newest first: job, run id, "
                + "status, start, duration, and the failing step of a failed run.", ""})
public class RunsCommand extends JobCommand {

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "How many runs to list (default: ${DEFAULT-VALUE}).")
    int limit;

    /** Listing reads only: no lock, and the recorded configuration stays as it is. */
    @Override
    protected boolean writesWarehouse() {
        return false;
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
        executions.sort(Comparator.comparing(JobExecution::getCreateTime).reversed());
        run.progress(String.format("%-12s %-22s %-10s %-19s %10s  %s", "job", "run id", "status", "started",
                "duration", "note"));
        executions.stream().limit(limit).forEach(execution -> run.progress(line(execution)));
    }

    private static String line(JobExecution execution) {
        LocalDateTime start = execution.getStartTime();
        LocalDateTime end = execution.getEndTime();
        String duration = start != null && end != null ? JobCommand.format(Duration.between(start, end)) : "";
        boolean died = execution.getExitStatus().getExitDescription().startsWith(CrashedRuns.DIED);
        String failedStep = execution.getStepExecutions().stream()
                .filter(step -> step.getStatus().isUnsuccessful())
                .map(step -> (died ? "process died in " : "failed in ") + step.getStepName())
                .findFirst().orElse(died ? "process died" : "");
        return String.format("%-12s %-22s %-10s %-19s %10s  %s", execution.getJobInstance().getJobName(),
                execution.getJobParameters().getString("run.id"), execution.getStatus(),
                start == null ? "" : start.withNano(0).toString().replace('T', ' '), duration, failedStep);
    }
}
