package io.commercemetrics.jobs.ingest;

import io.commercemetrics.jobs.ingest.platform.PlatformExport;
import java.nio.file.Path;

/**
 * One input file recognised as an export of {@code source}.
 *
 * @param platform how to read it when it is a platform's own export (docs/platform-imports.md), else null
 */
public record ExportFile(String source, Path path, ExportFormat format, boolean gzip, PlatformExport platform) {

    public ExportFile(String source, Path path, ExportFormat format, boolean gzip) {
        this(source, path, format, gzip, null);
    }

    public String name() {
        return path.getFileName().toString();
    }
}
