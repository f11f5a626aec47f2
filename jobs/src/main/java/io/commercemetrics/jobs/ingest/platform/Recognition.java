package io.commercemetrics.jobs.ingest.platform;

import java.util.List;

/**
 * What a file's header says it is: platform exports to read (one per contract source fed), or
 * the sentence that rejects it.
 */
public record Recognition(List<PlatformExport> exports, String rejection) {

    static Recognition of(List<PlatformExport> exports) {
        return new Recognition(List.copyOf(exports), null);
    }

    static Recognition rejected(String reason) {
        return new Recognition(List.of(), reason);
    }

    public boolean rejected() {
        return rejection != null;
    }
}
