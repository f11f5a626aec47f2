package io.commercemetrics.jobs.schedule;

import java.nio.file.Path;
import java.util.Map;

/**
 * What ingest made of the files handed to it: the ones it could not read at all, each with the
 * reason ingest gave. Every other file was read (bad rows, if any, are in the quarantine).
 */
public record IngestOutcome(Map<Path, String> rejected) {

    public IngestOutcome {
        rejected = Map.copyOf(rejected);
    }
}
