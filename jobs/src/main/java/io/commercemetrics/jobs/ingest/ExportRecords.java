package io.commercemetrics.jobs.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.util.Set;

/**
 * The records of one export file, one at a time, with their values aligned to the source's
 * fields. Implementations stream: they never hold more than the current record.
 */
interface ExportRecords extends Closeable {

    /** Advances; false at the end. Throws when the whole file must be rejected. */
    boolean next() throws IOException, FileRejectedException;

    /** The line of the record's start (for Parquet the 1-based row number). */
    long line();

    String raw();

    /** The values by source field index; null for empty or missing. Valid only when {@link #problem()} is null. */
    String[] values();

    /** A problem that spoils the whole record (quote error, wrong field count, bad JSON), or null. */
    String problem();

    /** Columns the file has that the source does not know (reported once per file as a warning). */
    Set<String> unknownColumns();
}
