package io.commercemetrics.jobs.cli;

import picocli.CommandLine.Option;

/** {@code --run RUN_ID}: read an earlier metrics run (time travel) rather than the latest. */
class RunOption {

    @Option(names = "--run", paramLabel = "RUN_ID",
            description = "The metrics run to read (default: the latest complete run). `commerce-metrics runs` "
                    + "lists the runs; an earlier run's tables read exactly as that run left them.")
    String runId;

    /** The job parameter: the run id, or empty for the latest. */
    String parameter() {
        return runId == null ? "" : runId.trim();
    }
}
