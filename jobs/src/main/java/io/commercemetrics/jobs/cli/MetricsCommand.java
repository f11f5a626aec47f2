package io.commercemetrics.jobs.cli;

import io.commercemetrics.jobs.batch.JobRuntime;
import io.commercemetrics.jobs.batch.MetricsJobConfiguration;
import io.commercemetrics.jobs.batch.MetricsRun;
import io.commercemetrics.jobs.batch.RunContext;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import io.commercemetrics.schemas.Sources;
import io.commercemetrics.warehouse.PeriodCloses;
import io.commercemetrics.warehouse.TableIds;
import io.commercemetrics.warehouse.WarehouseCatalog;
import org.springframework.batch.core.JobExecution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = {"Compute every metric table of docs/metrics.md from the ingested warehouse and publish them "
                + "as one run (an Iceberg snapshot per table, then the run record reports and exports read). "
                + "When nothing changed since the last complete run (same raw tables, closed months, configuration and --as-of) "
                + "it says so and computes nothing, unless --rerun. A failed run of the same request is resumed "
                + "from the step that failed.", ""})
public class MetricsCommand extends JobCommand {

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Data end (YYYY-MM-DD): nothing dated after it counts (default: the local date of the "
                    + "latest order).")
    LocalDate asOf;

    @Option(names = "--rerun",
            description = "Compute again even when the last complete run read exactly the same tables and settings.")
    boolean rerun;

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
        Map<String, String> request = parameters(asOf);
        request.put(RAW_SNAPSHOTS, rawSnapshots(runtime.catalog()));
        request.put(CLOSED_MONTHS, closedMonths(runtime.catalog()));
        Optional<JobExecution> done = rerun ? Optional.empty()
                : runtime.completed(MetricsJobConfiguration.JOB, request);
        if (done.isPresent()) {
            JobExecution execution = done.get();
            run.progress("nothing to compute: execution " + execution.getId() + " (run "
                    + MetricsRun.runIdOf(execution).orElse("?")
                    + ", ended " + execution.getEndTime().withNano(0).toString().replace('T', ' ')
                    + ") computed these raw tables with this configuration; --rerun computes again");
            return;
        }
        runtime.run(MetricsJobConfiguration.JOB, request);
    }

    static final String RAW_SNAPSHOTS = "raw.snapshots";
    static final String CLOSED_MONTHS = "closed.months";

    /**
     * The closes in force, each with the run it froze: a close or a reopen changes what the ledger
     * computes (frozen months, adjustments) with the raw tables unchanged, so it is another request.
     */
    static String closedMonths(WarehouseCatalog catalog) {
        return new PeriodCloses(catalog).inForce().stream().map(close -> close.month() + "@" + close.runId())
                .collect(Collectors.joining(","));
    }

    /** The request's inputs: each raw table's current snapshot ("-" for a source never ingested). */
    static String rawSnapshots(WarehouseCatalog catalog) {
        return Sources.ALL.stream().map(source -> {
            Long snapshot = catalog.currentSnapshotId(TableIds.raw(source.name()));
            return source.name() + "=" + (snapshot == null ? "-" : snapshot);
        }).collect(Collectors.joining(","));
    }

    static Map<String, String> parameters(LocalDate asOf) {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("as-of", asOf == null ? "" : asOf.toString());
        return parameters;
    }
}
