package io.commercemetrics.jobs.ingest;

import java.util.List;

/**
 * A run's outcome: every file of this run with its final counts (cross-file rejections
 * included), per-source speed, the discovery notices and the warnings.
 *
 * @param crossFile null until the warehouse was built
 */
public record IngestSummary(String runId, List<FileResult> files, List<SourceResult> sources,
                            List<String> notices, CrossFileResult crossFile) {

    public long rowsRead() {
        return files.stream().mapToLong(FileResult::rowsRead).sum();
    }

    public long accepted() {
        return files.stream().mapToLong(FileResult::accepted).sum();
    }

    public long quarantined() {
        return files.stream().mapToLong(FileResult::quarantined).sum();
    }

    public long rejectedFiles() {
        return files.stream().filter(FileResult::rejected).count();
    }

    public FileResult file(String source, String name) {
        return files.stream().filter(f -> f.source().equals(source) && f.file().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no file " + source + "/" + name + " in this run"));
    }
}
