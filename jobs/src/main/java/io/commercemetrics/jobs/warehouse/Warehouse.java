package io.commercemetrics.jobs.warehouse;

import java.nio.file.Path;

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

    /** The embedded H2 job repository: a file database, so the history survives the process. */
    public String jobRepositoryUrl() {
        return "jdbc:h2:file:" + jobRepository().resolve("batch") + ";AUTO_SERVER=TRUE";
    }
}
