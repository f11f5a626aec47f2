package io.commercemetrics.jobs.ingest;

import java.nio.file.Path;

/**
 * One input file recognised as an export of {@code source}.
 *
 * @param path     the path as found among the inputs
 * @param location what identifies the file across runs: its canonical path (symbolic links resolved),
 *                 or its absolute path when that cannot be resolved (a dangling link). Two files of the
 *                 same name in different folders are different files.
 */
public record ExportFile(String source, Path path, Path location, ExportFormat format, boolean gzip) {

    public String name() {
        return path.getFileName().toString();
    }
}
