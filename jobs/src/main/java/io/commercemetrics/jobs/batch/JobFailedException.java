package io.commercemetrics.jobs.batch;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;

/** A job that ended in any state but COMPLETED; the message says which step and why. */
public class JobFailedException extends RuntimeException {

    public JobFailedException(String jobName, JobExecution execution, Throwable cause) {
        super(message(jobName, execution, cause), cause);
    }

    private static String message(String jobName, JobExecution execution, Throwable cause) {
        StringBuilder text = new StringBuilder("job ").append(jobName);
        if (execution != null) {
            text.append(" (execution ").append(execution.getId()).append(") ended ").append(execution.getStatus());
            execution.getStepExecutions().stream()
                    .filter(step -> step.getStatus().isUnsuccessful() || step.getStatus() == BatchStatus.STOPPED)
                    .findFirst()
                    .ifPresent(step -> text.append(" in step ").append(step.getStepName()));
        } else {
            text.append(" could not start");
        }
        Throwable root = cause;
        while (root != null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof org.springframework.batch.core.JobInterruptedException) {
            text.append(": a stop was requested (jobs stop)");
        } else if (root != null) {
            text.append(": ").append(root.getMessage());
        }
        if (execution != null && (execution.getStatus() == BatchStatus.FAILED
                || execution.getStatus() == BatchStatus.STOPPED)) {
            text.append(" (the same command resumes it, or `commerce-metrics jobs restart ")
                    .append(execution.getId()).append("`)");
        }
        return text.toString();
    }
}
