package io.commercemetrics.warehouse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The folders of a warehouse on the local disk, as docs/warehouse.md lays them out: the Iceberg
 * tables' files, the job repository (and catalog) database, staging, manifests and scratch. One
 * place names them so no step builds a path by hand.
 */
public record Warehouse(Path root) {

    public Warehouse {
        root = root.toAbsolutePath().normalize();
    }

    /**
     * Where the Iceberg tables keep their files ({@code tables/<namespace>/<table>/data|metadata}).
     * Which files make a table's current content is the catalog's to say, never a folder listing.
     */
    public String tablesLocation() {
        return root.resolve("tables").toString();
    }

    /**
     * Folders of the earlier layout (Parquet folders renamed into place, {@code metrics/_run.json}):
     * such a warehouse is not read, its user is told to re-ingest.
     */
    public boolean hasEarlierLayout() {
        return Files.exists(root.resolve("metrics").resolve("_run.json"))
                || (Files.isDirectory(root.resolve("raw")) && !Files.isDirectory(root.resolve("tables")));
    }

    /** Per-file staging of ingest: {@code staging/<source>/<name>@<hash>/}. */
    public Path staging() {
        return root.resolve("staging");
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

    /** The embedded database of the job history and the Iceberg catalog. */
    public CatalogDatabase embeddedDatabase() {
        return new CatalogDatabase(jobRepositoryUrl(), null, null);
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
        return Stream.of(root.resolve("tables"), root.resolve("raw"), root.resolve("metrics"), manifests(),
                        jobRepository(), recordedConfig())
                .anyMatch(Files::exists);
    }
}
