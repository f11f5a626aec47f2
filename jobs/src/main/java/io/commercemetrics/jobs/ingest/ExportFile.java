package io.commercemetrics.jobs.ingest;

import java.nio.file.Path;

/** One input file recognised as an export of {@code source}. */
public record ExportFile(String source, Path path, ExportFormat format, boolean gzip) {

    public String name() {
        return path.getFileName().toString();
    }
}
