package io.commercemetrics.jobs.ingest;

import io.commercemetrics.jobs.ingest.platform.PlatformImports;
import java.nio.file.Path;
import java.time.Instant;
import io.commercemetrics.schemas.Sources;
import io.commercemetrics.schemas.TableSchema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import io.commercemetrics.jobs.spark.SparkTables;
import io.commercemetrics.warehouse.Warehouse;
import io.commercemetrics.warehouse.WarehouseCatalog;
import org.apache.spark.sql.SparkSession;

/**
 * One ingest run, in the steps the Spring Batch job calls: {@link #discover()}, then
 * {@link #ingestSource} per source (files read in parallel, no Spark), then
 * {@link #buildWarehouse} (Spark), {@link #summary()} and {@link #writeManifest}.
 */
public final class IngestRun {

    private static final int MAX_THREADS = 4;

    private final IngestOptions options;
    private final Warehouse warehouse;
    private final Path staging;
    private final StagingRegistry registry;
    /** In the order of DATA.md's sources, however the results arrived (a restart restores some). */
    private final Map<String, SourceResult> sources = new TreeMap<>(
            Comparator.comparingInt(IngestRun::sourceOrder).thenComparing(Comparator.naturalOrder()));
    private final long startedNanos = System.nanoTime();
    private final Instant startedAt = Instant.now();
    private DiscoveredFiles discovered;
    private CrossFileResult crossFile;

    public IngestRun(IngestOptions options) {
        this(options, new Warehouse(options.warehouse()));
    }

    /** @param warehouse where the tables live (the options' folder is its local part) */
    public IngestRun(IngestOptions options, Warehouse warehouse) {
        this.options = options;
        this.warehouse = warehouse;
        this.staging = options.warehouse().resolve("staging");
        this.registry = StagingRegistry.load(staging);
    }

    private static int sourceOrder(String source) {
        return Sources.ALL.stream().map(TableSchema::name).toList().indexOf(source);
    }

    public IngestOptions options() {
        return options;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public synchronized DiscoveredFiles discover() {
        if (discovered == null) {
            discovered = FileDiscovery.discover(options.inputs(), new PlatformImports(options.config().imports(),
                    options.warehouse(), options.config().source().encoding()));
            discovered.notices().forEach(options.progress());
        }
        return discovered;
    }

    /** Reads this run's files of one source into staging; unchanged files (same SHA-256, same settings) are skipped. */
    public SourceResult ingestSource(String sourceName) {
        long start = System.nanoTime();
        List<ExportFile> files = discover().filesOf(sourceName);
        options.reading().expect(files.stream().mapToLong(ExportInput::sizeOnDisk).sum());
        int threads = Math.max(1, Math.min(Math.min(files.size(), MAX_THREADS),
                Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            FileStaging fileStaging = new FileStaging(options, staging, registry);
            List<Future<FileResult>> futures = new ArrayList<>();
            for (ExportFile file : files) {
                // in file order, before the parallel reads: which earlier version each file replaces
                Optional<StagingRegistry.Entry> before = fileStaging.predecessorOf(file);
                futures.add(pool.submit(() -> fileStaging.stage(file, before)));
            }
            List<FileResult> results = new ArrayList<>();
            for (Future<FileResult> f : futures) {
                results.add(f.get());
            }
            registry.save();
            SourceResult result = new SourceResult(sourceName, results, (System.nanoTime() - start) / 1_000_000);
            sources.put(sourceName, result);
            options.progress().accept(String.format("%s: %d files, %d rows read, %.0f rows/s", sourceName,
                    files.size(), result.rowsReadNow(), result.rowsPerSecond()));
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("ingest of " + sourceName + " interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("ingest of " + sourceName + " failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    /** Rebuilds the raw tables and the quarantine from everything staged (this run's files and earlier ones). */
    public CrossFileResult buildWarehouse(SparkTables tables) {
        crossFile = new WarehouseBuilder(tables, warehouse, options.config(), options.runId(),
                registry.entries(), options.progress()).build();
        crossFile.warnings().forEach(options.progress());
        summary().files().stream().filter(f -> f.change() != FileResult.Change.UNCHANGED)
                .forEach(registry::recordWarehouseRows);
        registry.save();
        registry.publish(tables.catalog());
        return crossFile;
    }

    /**
     * Takes back a source's result from an earlier execution of the same job (a restart skips the
     * step that read it); a result this run computed itself stays.
     */
    public synchronized void restore(SourceResult result) {
        sources.putIfAbsent(result.source(), result);
    }

    /** Takes back the cross-file result of an earlier execution of the same job, unless this run built one. */
    public synchronized void restore(CrossFileResult result) {
        if (crossFile == null) {
            crossFile = result;
        }
    }

    public IngestSummary summary() {
        List<FileResult> files = new ArrayList<>();
        for (SourceResult source : sources.values()) {
            for (FileResult f : source.files()) {
                if (crossFile == null) {
                    files.add(f);
                } else {
                    String key = CrossFileResult.key(f.source(), f.provenance());
                    files.add(f.withCrossFile(crossFile.rejectedByFile().getOrDefault(key, Map.of()),
                            crossFile.supersededByFile().getOrDefault(key, 0L)));
                }
            }
        }
        return new IngestSummary(options.runId(), files, List.copyOf(sources.values()), discover().notices(),
                crossFile);
    }

    public Path writeManifest(String configYaml) {
        return new IngestManifest(options, summary(), startedAt, (System.nanoTime() - startedNanos) / 1_000_000)
                .write(configYaml);
    }

    /**
     * Every step in order on the warehouse's embedded catalog, for code that runs ingest without the
     * Batch job (tests, an embedding application).
     */
    public IngestSummary runAll(SparkSession spark) {
        try (WarehouseCatalog catalog = WarehouseCatalog.openEmbedded(warehouse)) {
            return runAll(new SparkTables(spark, catalog, options.runId()));
        } finally {
            SparkTables.release(spark);
        }
    }

    /** Every step in order, as the Batch job runs them. */
    public IngestSummary runAll(SparkTables tables) {
        for (String source : discover().bySource().keySet()) {
            ingestSource(source);
        }
        buildWarehouse(tables);
        return summary();
    }
}
