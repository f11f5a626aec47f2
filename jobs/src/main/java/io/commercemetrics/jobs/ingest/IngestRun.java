package io.commercemetrics.jobs.ingest;

import io.commercemetrics.jobs.ingest.platform.PlatformImports;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.SparkSession;

/**
 * One ingest run, in the steps the Spring Batch job calls: {@link #discover()}, then
 * {@link #ingestSource} per source (files read in parallel, no Spark), then
 * {@link #buildWarehouse} (Spark), {@link #summary()} and {@link #writeManifest}.
 */
public final class IngestRun {

    private static final int MAX_THREADS = 4;

    private final IngestOptions options;
    private final Path staging;
    private final StagingRegistry registry;
    private final Map<String, SourceResult> sources = new LinkedHashMap<>();
    private final long startedNanos = System.nanoTime();
    private final Instant startedAt = Instant.now();
    private DiscoveredFiles discovered;
    private CrossFileResult crossFile;

    public IngestRun(IngestOptions options) {
        this.options = options;
        this.staging = options.warehouse().resolve("staging");
        this.registry = StagingRegistry.load(staging);
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
        int threads = Math.max(1, Math.min(Math.min(files.size(), MAX_THREADS),
                Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<FileResult>> futures = new ArrayList<>();
            for (ExportFile file : files) {
                futures.add(pool.submit(() -> ingestFile(file)));
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

    private FileResult ingestFile(ExportFile file) throws IOException {
        long start = System.nanoTime();
        String sha = sha256(file.path());
        String encoding = options.config().source().encoding();
        String settings = FileIngestor.readSettings(encoding, options.config().source().timeZone());
        settings += file.platform() != null ? file.platform().readSettings() : "";
        Optional<StagingRegistry.Entry> before = registry.find(file.source(), file.name());
        Path target = staging.resolve(file.source()).resolve(file.name());
        if (before.isPresent() && before.get().result().sha256().equals(sha)
                && before.get().readSettings().equals(settings) && Files.isDirectory(target)) {
            options.progress().accept(file.name() + ": unchanged, not read again");
            return before.get().result().asUnchanged((System.nanoTime() - start) / 1_000_000);
        }
        FileResult.Change change = before.isPresent() ? FileResult.Change.CHANGED : FileResult.Change.NEW;
        FileResult result = new FileIngestor(file, encoding, options.config().source().timeZone(), options.runId())
                .stage(target, sha, change);
        registry.put(new StagingRegistry.Entry(result, settings, options.runId(), Instant.now().toString()));
        options.progress().accept(file.name() + ": " + (result.rejected() ? "rejected, " + result.rejection()
                : result.rowsRead() + " read, " + result.accepted() + " accepted, " + result.quarantined()
                + " quarantined"));
        return result;
    }

    /** Rebuilds raw/ and quarantine/ from everything staged (this run's files and earlier ones). */
    public CrossFileResult buildWarehouse(SparkSession spark) {
        crossFile = new WarehouseBuilder(spark, options.warehouse(), options.config(), options.runId(),
                registry.entries(), options.progress()).build();
        crossFile.warnings().forEach(options.progress());
        return crossFile;
    }

    public IngestSummary summary() {
        List<FileResult> files = new ArrayList<>();
        for (SourceResult source : sources.values()) {
            for (FileResult f : source.files()) {
                if (crossFile == null) {
                    files.add(f);
                } else {
                    String key = CrossFileResult.key(f.source(), f.file());
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

    /** Every step in order, as the Batch job runs them. */
    public IngestSummary runAll(SparkSession spark) {
        for (String source : discover().bySource().keySet()) {
            ingestSource(source);
        }
        buildWarehouse(spark);
        return summary();
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
