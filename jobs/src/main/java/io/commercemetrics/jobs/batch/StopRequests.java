package io.commercemetrics.jobs.batch;

import io.commercemetrics.warehouse.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.springframework.batch.core.StepExecution;

/**
 * {@code jobs stop}: a request, left as a file in the warehouse's local folder, that the running job
 * honours at its next step boundary (the step then ends STOPPED without starting its work, and
 * {@code jobs restart} resumes there). A file because the embedded job history is open in the
 * running process only; a shared repository (PostgreSQL) also gets Spring Batch's own stop.
 */
public final class StopRequests {

    /** Names the execution running now, whatever its id. */
    public static final String CURRENT = "current";

    private final Path folder;
    private final RunContext run;

    public StopRequests(RunContext run) {
        this.run = run;
        this.folder = folder(run.warehouse());
    }

    static Path folder(Warehouse warehouse) {
        return warehouse.root().resolve("stop-requests");
    }

    /** @param execution an execution id, or {@link #CURRENT} */
    public static Path request(Warehouse warehouse, String execution) {
        Path file = folder(warehouse).resolve(execution);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, Instant.now().toString());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the stop request " + file, e);
        }
    }

    /** Stops the job before this step when a stop was asked for it (or for the execution running now). */
    void honour(StepExecution step) {
        List<Path> requests = List.of(folder.resolve(String.valueOf(step.getJobExecutionId())),
                folder.resolve(CURRENT));
        boolean requested = false;
        for (Path request : requests) {
            try {
                requested |= Files.deleteIfExists(request);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the stop request " + request, e);
            }
        }
        if (requested) {
            // Spring Batch's interruption check runs before the step's work: the step ends STOPPED, undone
            step.setTerminateOnly();
            run.progress("stop requested: execution " + step.getJobExecutionId() + " stops before step "
                    + step.getStepName() + " (resume it with: commerce-metrics jobs restart "
                    + step.getJobExecutionId() + ")");
        }
    }
}
