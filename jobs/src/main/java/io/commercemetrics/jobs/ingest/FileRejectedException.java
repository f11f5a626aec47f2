package io.commercemetrics.jobs.ingest;

/** A whole file cannot be read as an export (DATA.md: one quarantine entry, the others still run). */
final class FileRejectedException extends Exception {

    FileRejectedException(String reason) {
        super(reason, null, false, false);
    }

    String reason() {
        return getMessage();
    }
}
