package io.commercemetrics.jobs.batch;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.repository.JobRepository;

/**
 * A run killed (kill -9, power loss) never records its end, so its execution would stay STARTED
 * forever, indistinguishable from one in progress. The next command that can prove the process is
 * gone marks it FAILED, with the end time its last recorded activity (the best known time it died).
 */
public final class CrashedRuns {

    /** How {@code runs} recognises a run ended this way. */
    public static final String DIED = "the process running it died";

    private CrashedRuns() {
    }

    /** @param dead whether a running execution belongs to a process known to be gone */
    static List<JobExecution> markFailed(JobExplorer explorer, JobRepository repository,
                                         Predicate<JobExecution> dead, String foundBy) {
        List<JobExecution> repaired = new ArrayList<>();
        for (String job : explorer.getJobNames()) {
            for (JobExecution execution : explorer.findRunningJobExecutions(job)) {
                if (dead.test(execution)) {
                    markFailed(repository, execution, foundBy);
                    repaired.add(execution);
                }
            }
        }
        return repaired;
    }

    private static void markFailed(JobRepository repository, JobExecution execution, String foundBy) {
        LocalDateTime died = lastSeen(execution);
        String message = DIED + " (found by run " + foundBy + "); end time = its last recorded activity";
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus().isRunning()) {
                step.setStatus(BatchStatus.FAILED);
                step.setEndTime(died);
                step.setExitStatus(ExitStatus.FAILED.addExitDescription(message));
                repository.update(step);
            }
        }
        execution.setStatus(BatchStatus.FAILED);
        execution.setEndTime(died);
        execution.setExitStatus(ExitStatus.FAILED.addExitDescription(message));
        repository.update(execution);
    }

    static LocalDateTime lastSeen(JobExecution execution) {
        Stream<LocalDateTime> own = Stream.of(execution.getCreateTime(), execution.getStartTime(),
                execution.getLastUpdated());
        Stream<LocalDateTime> steps = execution.getStepExecutions().stream()
                .flatMap(step -> Stream.of(step.getStartTime(), step.getLastUpdated(), step.getEndTime()));
        return Stream.concat(own, steps).filter(Objects::nonNull).max(LocalDateTime::compareTo).orElseThrow();
    }
}
