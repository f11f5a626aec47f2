package io.commercemetrics.jobs.cli;

import io.commercemetrics.jobs.batch.ElapsedTime;
import io.commercemetrics.jobs.batch.JobFailedException;
import io.commercemetrics.jobs.batch.JobRuntime;
import io.commercemetrics.jobs.batch.RunContext;
import io.commercemetrics.jobs.config.ConfigLoader;
import io.commercemetrics.jobs.ingest.FilesRejectedException;
import io.commercemetrics.warehouse.RunIds;
import io.commercemetrics.warehouse.Warehouse;
import io.commercemetrics.warehouse.WarehouseLock;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * A command that does its work as Spring Batch jobs on a warehouse: resolves the configuration,
 * starts the job runtime, runs, and records the configuration in force in the warehouse.
 */
abstract class JobCommand implements Callable<Integer> {

    @Mixin
    WarehouseOptions warehouseOptions;

    @Mixin
    ConfigOptions configOptions;

    @Mixin
    EngineOptions engine;

    /** The export files or folders this command reads, if any (their commerce-metrics.yaml applies). */
    protected List<Path> inputs() {
        return List.of();
    }

    /** Settings implied by this command's own options (e.g. --encoding), below --config and --set. */
    protected List<String> impliedSettings() {
        return List.of();
    }

    protected LocalDate asOf() {
        return null;
    }

    protected abstract void execute(JobRuntime runtime, RunContext run);

    /** The configuration in force: its layers, resolved (a restart takes the one its job recorded). */
    protected ConfigLoader configuration(Warehouse target) {
        return ConfigResolver.resolve(target, inputs(), configOptions, impliedSettings());
    }

    /**
     * Whether this command writes the warehouse: it then holds the warehouse's lock while it runs and,
     * when it succeeds, records its configuration as the warehouse's (see ConfigResolver).
     */
    protected boolean writesWarehouse() {
        return true;
    }

    /** Whether the warehouse must exist already: true for every command that does not ingest into it. */
    protected boolean readsExistingWarehouse() {
        return !writesWarehouse();
    }

    /**
     * Checks what the options say on their own, before anything else: a bad option is a usage error
     * (exit 2) found in no time, never a job that fails after the runtime started.
     *
     * @throws IllegalArgumentException naming the bad option
     */
    protected void checkOptions() {
    }

    @Override
    public Integer call() {
        checkOptions();
        for (Path input : inputs()) {
            // a dangling link is still an input: ingest rejects it with its reason and reads the rest
            if (!Files.exists(input, LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalArgumentException("--input " + input + ": no such file or folder");
            }
        }
        long started = System.nanoTime();
        Warehouse target = warehouseOptions.warehouse();
        if (readsExistingWarehouse() && !target.exists()) {
            // before anything is written: a mistyped --warehouse must not leave an empty warehouse behind
            throw new IllegalArgumentException("no warehouse at " + target.root()
                    + " (run ingest first, or check --warehouse)");
        }
        if (target.hasEarlierLayout()) {
            throw new IllegalArgumentException("the warehouse at " + target.root() + " was made by an earlier "
                    + "version (Parquet folders, before Iceberg tables): ingest your exports again into a new "
                    + "--warehouse folder; nothing is lost, your export files are where they were");
        }
        Optional<Path> madeAt = target.madeElsewhere();
        if (madeAt.isPresent()) {
            throw new IllegalArgumentException("the warehouse at " + target.root() + " was made at " + madeAt.get()
                    + ", and its tables still name that folder: a warehouse cannot be moved or copied "
                    + "(docs/warehouse.md). Give --warehouse " + madeAt.get() + " (move it back there), or ingest "
                    + "your exports into a new --warehouse folder; nothing was changed");
        }
        ConfigLoader loader = configuration(target);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        RunContext run = new RunContext(RunIds.next(Clock.systemUTC()), target, loader.load(), loader.toYaml(),
                engine.sparkMaster, inputs(), asOf(), out);
        out.printf("run %s on warehouse %s%n", run.runId(), target.isRemote()
                ? target.location() + " (local state " + target.root() + ")" : target.root());
        try (WarehouseLock lock = writesWarehouse() ? WarehouseLock.acquire(target, run.runId()) : null;
             JobRuntime runtime = JobRuntime.start(run, engine.jobRepositoryUrl, engine.jobRepositoryUser,
                     engine.jobRepositoryPassword(), writesWarehouse())) {
            execute(runtime, run);
        } catch (JobFailedException e) {
            if (writesWarehouse() && e.getCause() instanceof FilesRejectedException) {
                // every other file was read and the tables rebuilt with this configuration: the commands
                // after this one must take it, as after a success (the run still exits 1 for the file)
                recordConfig(target, run.configYaml());
            }
            throw e;
        }
        if (writesWarehouse()) {
            recordConfig(target, run.configYaml());
        }
        out.printf("done in %s%n", ElapsedTime.shown(Duration.ofNanos(System.nanoTime() - started)));
        return 0;
    }

    private static void recordConfig(Warehouse warehouse, String yaml) {
        try {
            Files.createDirectories(warehouse.root());
            Files.writeString(warehouse.recordedConfig(), yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the configuration in " + warehouse.root(), e);
        }
    }
}
