package io.commercemetrics.jobs.schedule;

import io.commercemetrics.reports.ReportKind;
import io.commercemetrics.reports.period.ReportPeriod;
import java.nio.file.Path;
import java.util.List;

/**
 * The work a trigger asks for, done by the product's own commands ({@link InProcessWork}); a test
 * puts a recording fake here to drive the {@link Scheduler} through weeks in milliseconds.
 * Each method throws {@link ScheduledWorkFailedException} when the work could not be done.
 */
public interface ScheduledWork {

    /** Ingests these files (already in the inbox's archive, where they stay as the files' identity). */
    IngestOutcome ingest(List<Path> files);

    /** Computes every metric table from what the warehouse holds. */
    void metrics();

    /** Renders the reports of {@code kind} for {@code period} and refreshes the index; returns the files written. */
    List<Path> report(ReportKind kind, ReportPeriod period);
}
