package io.commercemetrics.jobs.cli;

import io.commercemetrics.warehouse.RunRecords;
import io.commercemetrics.warehouse.WarehouseCatalog;
import picocli.CommandLine.Option;

/** {@code --run RUN_ID}: read an earlier metrics run (time travel) rather than the latest. */
class RunOption {

    @Option(names = "--run", paramLabel = "RUN_ID",
            description = "The metrics run to read (default: the latest complete run). `commerce-metrics runs` "
                    + "lists the runs; an earlier run's tables read exactly as that run left them.")
    String runId;

    /**
     * The job parameter: the run id, or empty for the latest. A run the warehouse does not have is a
     * usage error, found before any job starts.
     */
    String parameter(WarehouseCatalog catalog) {
        if (runId == null || runId.isBlank()) {
            return "";
        }
        String id = runId.trim();
        if (new RunRecords(catalog).byId(id).isEmpty()) {
            throw new IllegalArgumentException("--run " + id + ": no such metrics run in this warehouse "
                    + "(`commerce-metrics runs` lists them)");
        }
        return id;
    }
}
