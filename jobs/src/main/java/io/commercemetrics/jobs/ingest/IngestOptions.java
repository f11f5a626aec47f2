package io.commercemetrics.jobs.ingest;

import io.commercemetrics.jobs.config.PipelineConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One ingest run's inputs.
 *
 * @param inputs    files and folders to read (DATA.md "Recognising a file")
 * @param warehouse the warehouse root (docs/warehouse.md)
 * @param progress  receives one line per step, for the CLI
 * @param reading   counts every record and byte read as it is read, for progress on long steps
 */
public record IngestOptions(List<Path> inputs, Path warehouse, PipelineConfig config, String runId,
                            Consumer<String> progress, ReadProgress reading) {

    public IngestOptions(List<Path> inputs, Path warehouse, PipelineConfig config, String runId,
                         Consumer<String> progress) {
        this(inputs, warehouse, config, runId, progress, new ReadProgress());
    }

    public IngestOptions {
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(warehouse, "warehouse");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(runId, "runId");
        progress = progress == null ? line -> { } : progress;
        reading = reading == null ? new ReadProgress() : reading;
    }
}
