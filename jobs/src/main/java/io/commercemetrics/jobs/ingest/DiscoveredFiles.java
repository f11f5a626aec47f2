package io.commercemetrics.jobs.ingest;

import java.util.List;
import java.util.Map;

/**
 * What {@link FileDiscovery} found.
 *
 * @param bySource the files of each source, in name order; sources in ingest order
 * @param notices  files and folders that were not read, one sentence each
 */
public record DiscoveredFiles(Map<String, List<ExportFile>> bySource, List<String> notices) {

    public List<ExportFile> filesOf(String source) {
        return bySource.getOrDefault(source, List.of());
    }

    public List<ExportFile> all() {
        return bySource.values().stream().flatMap(List::stream).toList();
    }
}
