package io.commercemetrics.jobs.ingest;

import java.util.List;

/**
 * Thrown at the very end of an ingest run (every other file read, the warehouse rebuilt, the summary
 * and manifest written) when input files were rejected whole, so the command exits non-zero: a
 * scheduler must notice that an export it handed over did not arrive, even though nothing was lost.
 */
public final class FilesRejectedException extends RuntimeException {

    public FilesRejectedException(IngestSummary summary) {
        super(message(summary.files().stream().filter(FileResult::rejected).toList()));
    }

    private static String message(List<FileResult> rejected) {
        StringBuilder text = new StringBuilder();
        text.append(rejected.size() == 1 ? "1 input file was" : rejected.size() + " input files were")
                .append(" rejected whole (every other file was read and the warehouse rebuilt): ");
        for (int i = 0; i < rejected.size(); i++) {
            text.append(i == 0 ? "" : "; ").append(rejected.get(i).outcome(rejected.get(i).provenance()));
        }
        return text.append(". Fix the file and ingest it again; `export --tables quarantine` lists every rejection.")
                .toString();
    }
}
