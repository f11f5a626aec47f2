package io.commercemetrics.jobs.schedule;

/** A trigger's work did not get done; the message says what failed, for the scheduler's log. */
public final class ScheduledWorkFailedException extends RuntimeException {

    public ScheduledWorkFailedException(String message) {
        super(message);
    }
}
