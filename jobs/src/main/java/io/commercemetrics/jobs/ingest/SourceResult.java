package io.commercemetrics.jobs.ingest;

import java.util.List;

/** The files of one source read in this run; rows/s counts the files actually read (not unchanged ones). */
public record SourceResult(String source, List<FileResult> files, long millis) {

    public SourceResult {
        files = List.copyOf(files);
    }

    public long rowsReadNow() {
        return files.stream().filter(f -> f.change() != FileResult.Change.UNCHANGED)
                .mapToLong(FileResult::rowsRead).sum();
    }

    public double rowsPerSecond() {
        return millis == 0 ? 0 : rowsReadNow() * 1000.0 / millis;
    }
}
