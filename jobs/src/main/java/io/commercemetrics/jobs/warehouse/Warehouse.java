package io.commercemetrics.jobs.warehouse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The folders of a warehouse, as docs/warehouse.md lays them out. One place names them so no
 * step builds a path by hand.
 */
public record Warehouse(Path root) {

    public Warehouse {
        root = root.toAbsolutePath().normalize();
    }

    public Path raw(String source) {
        return root.resolve("raw").resolve(source);
    }

    public Path quarantine() {
        return root.resolve("quarantine");
    }

    public Path metrics() {
        return root.resolve("metrics");
    }

    public Path metric(String table) {
        return metrics().resolve(table);
    }

    public Path metricsRun() {
        return metrics().resolve("_run.json");
    }

    public Path manifests() {
        return root.resolve("manifests");
    }

    /** The configuration the data was last ingested or computed with. */
    public Path recordedConfig() {
        return root.resolve("config.yaml");
    }

    public Path jobRepository() {
        return root.resolve("jobrepo");
    }

    /**
     * The embedded H2 job repository: a file database, so the history survives the process. No
     * AUTO_SERVER: that would listen on a TCP port on every interface (user sa, no password); one
     * process at a time opens the file instead (see JobHistoryLock). No trace file either: it only
     * grew run after run, and an error of the repository reaches the user as the run's error anyway.
     */
    public String jobRepositoryUrl() {
        return "jdbc:h2:file:" + jobRepository().resolve("batch") + ";TRACE_LEVEL_FILE=0";
    }

    /**
     * Spark's scratch space (spark.local.dir) for one run, {@code scratch/<run id>}: under the
     * warehouse rather than /tmp, so what a killed run leaves is found and removed by the next writer.
     */
    public Path scratch(String runId) {
        return scratchRoot().resolve(runId);
    }

    public Path scratchRoot() {
        return root.resolve("scratch");
    }

    /**
     * Whether something was ever written here: a mistyped path given to a command that only reads
     * must be an error, not a new empty warehouse.
     */
    public boolean exists() {
        if (!Files.isDirectory(root)) {
            return false;
        }
        return Stream.of(root.resolve("raw"), quarantine(), metrics(), manifests(), jobRepository(), recordedConfig())
                .anyMatch(Files::exists);
    }
}
