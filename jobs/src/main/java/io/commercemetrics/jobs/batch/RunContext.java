package io.commercemetrics.jobs.batch;

import io.commercemetrics.jobs.config.PipelineConfig;
import io.commercemetrics.warehouse.Warehouse;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything one command run hands to its job's steps that is not a plain job parameter: the
 * resolved configuration, where to print progress, and the command's own request.
 *
 * @param configYaml   the merged configuration as YAML, recorded in manifests
 * @param sparkMaster  a Spark master URL, or null for local mode
 * @param inputs       the export files or folders (ingest, pipeline)
 * @param asOf         the --as-of date (metrics), or null
 * @param out          where progress and summaries are printed
 */
public record RunContext(String runId, Warehouse warehouse, PipelineConfig config, String configYaml,
                         String sparkMaster, List<Path> inputs, LocalDate asOf, PrintStream out) {

    public RunContext {
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
    }

    public void progress(String message) {
        out.println(message);
        out.flush();
    }
}
