package io.commercemetrics.jobs.batch;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;

/**
 * What happens between two steps of any job: a stop request is honoured, a new part of the job
 * (ingest, metrics, reports: the step name's first word) is announced on the console, and the
 * step's progress is shown while it runs.
 */
public final class StepBoundaries implements StepExecutionListener {

    private final StopRequests stops;
    private final RunContext run;
    private final StepProgress progress;
    private String part;

    public StepBoundaries(StopRequests stops, RunContext run, StepProgress progress) {
        this.stops = stops;
        this.run = run;
        this.progress = progress;
    }

    @Override
    public synchronized void beforeStep(StepExecution step) {
        String name = step.getStepName();
        String stepPart = name.contains("-") ? name.substring(0, name.indexOf('-')) : name;
        if (!stepPart.equals(part)) {
            part = stepPart;
            run.progress("== " + stepPart + " (execution " + step.getJobExecutionId() + ")");
        }
        stops.honour(step);
        Faults.beforeStep(name);
        progress.started(name);
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        progress.finished();
        return null;
    }
}
