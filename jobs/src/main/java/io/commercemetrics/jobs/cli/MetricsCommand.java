package io.commercemetrics.jobs.cli;

import io.commercemetrics.jobs.batch.JobRuntime;
import io.commercemetrics.jobs.batch.MetricsJobConfiguration;
import io.commercemetrics.jobs.batch.RunContext;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = {"Compute every table of docs/metrics.md from the ingested warehouse, as Parquet under "
                + "<warehouse>/metrics/. Each table is replaced whole and atomically; the run record "
                + "metrics/_run.json names the data end, currency, time zone, rule versions and inputs.", ""})
public class MetricsCommand extends JobCommand {

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Data end (YYYY-MM-DD): nothing dated after it counts (default: the local date of the "
                    + "latest order).")
    LocalDate asOf;

    @Override
    protected LocalDate asOf() {
        return asOf;
    }

    /** Metrics compute from what ingest wrote: a warehouse that does not exist is a mistyped path. */
    @Override
    protected boolean readsExistingWarehouse() {
        return true;
    }

    @Override
    protected void execute(JobRuntime runtime, RunContext run) {
        runtime.run(MetricsJobConfiguration.JOB, parameters(asOf));
    }

    static Map<String, String> parameters(LocalDate asOf) {
        Map<String, String> parameters = new HashMap<>();
        if (asOf != null) {
            parameters.put("as-of", asOf.toString());
        }
        return parameters;
    }
}
