package io.commercemetrics.jobs.ingest;

import io.commercemetrics.jobs.ingest.platform.PlatformExport;
import java.nio.file.Path;

/**
 * One input file recognised as an export of {@code source}.
 *
 * @param path     the path as found among the inputs
 * @param location what identifies the file across runs: its canonical path (symbolic links resolved),
 *                 or its absolute path when that cannot be resolved (a dangling link). Two files of the
 *                 same name in different folders are different files.
 * @param platform how to read it when it is a platform's own export (docs/inputs.md, "Platform exports"), else null
 */
public record ExportFile(String source, Path path, Path location, ExportFormat format, boolean gzip,
                         PlatformExport platform) {

    public ExportFile(String source, Path path, Path location, ExportFormat format, boolean gzip) {
        this(source, path, location, format, gzip, null);
    }

    public String name() {
        return path.getFileName().toString();
    }
}
