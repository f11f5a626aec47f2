package io.commercemetrics.jobs.ingest;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the staging registry remembers of the files whose rows stand in the raw tables, for readers
 * outside ingest (the metrics run's provenance).
 */
public final class StagedFiles {

    private StagedFiles() {
    }

    /**
     * The rows read from each staged file whose rows stand (the version that was read, not a later
     * version rejected whole), by {@code source/location} as the raw tables' {@code _file} names it.
     *
     * @param staging the warehouse's staging folder
     */
    public static Map<String, Long> rowsRead(Path staging) {
        Map<String, Long> read = new LinkedHashMap<>();
        for (StagingRegistry.Entry entry : StagingRegistry.load(staging).entries()) {
            FileResult file = entry.result();
            if (!file.rejected()) {
                read.put(key(file.source(), file.provenance()), file.rowsRead());
            }
        }
        return read;
    }

    /** The key of {@link #rowsRead}: a source and a file's location. */
    public static String key(String source, String location) {
        return CrossFileResult.key(source, location);
    }
}
