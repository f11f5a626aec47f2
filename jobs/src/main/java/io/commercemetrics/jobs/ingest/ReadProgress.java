package io.commercemetrics.jobs.ingest;

import java.util.concurrent.atomic.LongAdder;

/**
 * How far ingest has read, for a progress line while it reads: the records read, the bytes of the
 * export files read (as stored, before gunzipping) and the bytes the step in flight will read in all.
 * Files are read in parallel, so the counters are shared and thread-safe.
 */
public final class ReadProgress {

    private final LongAdder rows = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private volatile long expectedBytes;

    public void rowRead() {
        rows.increment();
    }

    public void bytesRead(long count) {
        bytes.add(count);
    }

    /** The step in flight reads files of this many bytes in all (their sizes on disk). */
    public void expect(long totalBytes) {
        expectedBytes = totalBytes;
    }

    public long rows() {
        return rows.sum();
    }

    public long bytes() {
        return bytes.sum();
    }

    /** The bytes the step in flight reads in all; 0 when unknown (a step that reads no export). */
    public long expectedBytes() {
        return expectedBytes;
    }

    /** A new step starts: what it will read is not known yet. */
    public void stepStarted() {
        expectedBytes = 0;
    }
}
