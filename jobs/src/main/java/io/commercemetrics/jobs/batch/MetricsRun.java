package io.commercemetrics.jobs.batch;

import io.commercemetrics.jobs.config.PipelineConfig;
import io.commercemetrics.jobs.ingest.StagedFiles;
import io.commercemetrics.jobs.metrics.MetricFunctions;
import io.commercemetrics.jobs.metrics.MetricTableWriter;
import io.commercemetrics.jobs.metrics.MetricsContext;
import io.commercemetrics.jobs.metrics.RawTables;
import io.commercemetrics.jobs.metrics.analytics.AnalyticsMetrics;
import io.commercemetrics.jobs.metrics.analytics.DataEnd;
import io.commercemetrics.jobs.metrics.analytics.ReportingCurrency;
import io.commercemetrics.jobs.metrics.ledger.ClosedBooks;
import io.commercemetrics.jobs.metrics.ledger.ReferralLedger;
import io.commercemetrics.jobs.spark.Materialized;
import io.commercemetrics.jobs.spark.SparkTables;
import io.commercemetrics.reports.restatement.Restatement;
import io.commercemetrics.warehouse.IngestTables;
import io.commercemetrics.warehouse.MetricsRunRecord;
import io.commercemetrics.warehouse.RunRecords;
import io.commercemetrics.warehouse.TableIds;
import io.commercemetrics.warehouse.WarehouseCatalog;
import org.apache.iceberg.Snapshot;
import org.springframework.batch.core.StepContribution;
import io.commercemetrics.schemas.MetricTables;
import io.commercemetrics.schemas.TableSchema;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One metrics run in the steps of its job. Each step finds what earlier steps established in the
 * job's {@link JobState} (the run id, the raw snapshots read, the data end and currency, the
 * snapshots committed so far) and re-registers its views from there, so the job restarted in a new
 * process resumes at the step that failed and computes from exactly the same inputs.
 */
public class MetricsRun {

    static final String RUN_ID = "metrics.run-id";
    static final String STARTED_AT = "metrics.started-at";
    static final String RAW_SNAPSHOTS = "metrics.raw-snapshots";
    static final String INPUTS = "metrics.inputs";
    static final String DATA_END = "metrics.data-end";
    static final String CURRENCY = "metrics.reporting-currency";
    static final String METRIC_SNAPSHOTS = "metrics.metric-snapshots";
    static final String TABLE_ROWS = "metrics.table-rows";

    private static final TypeReference<Map<String, Long>> SNAPSHOTS = new TypeReference<>() { };
    private static final TypeReference<List<MetricsRunRecord.InputFile>> INPUT_FILES = new TypeReference<>() { };

    private final RunContext run;
    private final SparkSessionProvider sparkProvider;
    private final WarehouseCatalog catalog;
    private final StepProgress progress;

    public MetricsRun(RunContext run, SparkSessionProvider sparkProvider, WarehouseCatalog catalog,
                      StepProgress progress) {
        this.run = run;
        this.sparkProvider = sparkProvider;
        this.catalog = catalog;
        this.progress = progress;
    }

    /**
     * Fixes what the whole run computes from: its id (the first execution's, kept by a restart), the
     * raw snapshots, the data end and the reporting currency.
     */
    public void prepare(JobState state, StepContribution counts) {
        if (run.asOf() == null && !hasOrders()) {
            // known before Spark starts (tens of seconds): say it at once
            throw new IllegalStateException(DataEnd.NO_ORDERS);
        }
        if (!state.has(RUN_ID)) {
            state.put(RUN_ID, run.runId());
            state.put(STARTED_AT, Instant.now().toString());
        }
        SparkSession spark = session();
        SparkTables tables = new SparkTables(spark, catalog, runId(state));
        Map<String, Long> rawSnapshots = RawTables.register(tables);
        MetricFunctions.register(spark);
        List<MetricsRunRecord.InputFile> inputs = inputFiles(spark, tables);
        LocalDate dataEnd = DataEnd.compute(spark, Optional.ofNullable(run.asOf()));
        String currency = ReportingCurrency.resolve(spark, run.config());
        state.put(RAW_SNAPSHOTS, rawSnapshots);
        state.put(INPUTS, inputs);
        state.put(DATA_END, dataEnd.toString());
        state.put(CURRENCY, currency);
        state.put(METRIC_SNAPSHOTS, new LinkedHashMap<String, Long>());
        state.put(TABLE_ROWS, new LinkedHashMap<String, Long>());
        run.progress("metrics: run " + runId(state) + ", data end " + dataEnd + ", reporting currency " + currency
                + ", time zone " + run.config().reporting().timeZone().getId());
        releaseCached();
    }

    public void ledger(JobState state, StepContribution counts) {
        try (Step step = new Step(state, counts)) {
            ReferralLedger.compute(step.context, ClosedBooks.load(step.tables)).byTable().forEach(step::write);
        }
    }

    public void analytics(JobState state, StepContribution counts) {
        try (Step step = new Step(state, counts)) {
            // the analytical tables read these two by name: the snapshots the ledger step committed, not recomputed
            for (TableSchema table : List.of(MetricTables.ORDER_ATTRIBUTION, MetricTables.COMMISSION_LINES)) {
                step.tables.read(TableIds.metric(table.name()), step.snapshots.get(table.name()), table)
                        .createOrReplaceTempView(table.name());
            }
            AnalyticsMetrics.compute(step.context).forEach(step::write);
        }
    }

    /**
     * Drops what a step cached (the raw views, the shared views, the ledger's results): the next
     * step registers its inputs again at its snapshots, and a JVM that runs several jobs (the
     * scheduler, a test) does not keep a run's data in memory after it.
     */
    private void releaseCached() {
        Materialized.releaseAll(sparkProvider.get());
    }

    /**
     * Publishes the run record (the provenance every report prints, and the snapshot of every table
     * the run committed and read): from now on readers read this run. Then writes the run's manifest
     * (the same plus the configuration in force and each table's row count).
     */
    public void record(JobState state, StepContribution counts) {
        String runId = runId(state);
        Map<String, Long> metricSnapshots = state.get(METRIC_SNAPSHOTS, SNAPSHOTS);
        List<String> versions = run.config().commission().rules().stream()
                .map(PipelineConfig.RuleVersion::version).toList();
        MetricsRunRecord record = new MetricsRunRecord(runId, Instant.now().toString(), state.getString(DATA_END),
                run.config().reporting().timeZone().getId(), state.getString(CURRENCY), versions,
                state.get(INPUTS, INPUT_FILES), metricSnapshots, state.get(RAW_SNAPSHOTS, SNAPSHOTS));
        new RunRecords(catalog).publish(record);
        Instant startedAt = Instant.parse(state.getString(STARTED_AT));
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("job", "metrics");
        manifest.put("run_id", runId);
        manifest.put("started_at", startedAt.toString());
        manifest.put("duration_ms", java.time.Duration.between(startedAt, Instant.now()).toMillis());
        manifest.put("as_of", run.asOf() == null ? null : run.asOf().toString());
        manifest.put("run", record);
        manifest.put("table_rows", state.get(TABLE_ROWS, SNAPSHOTS));
        manifest.put("config", run.configYaml());
        Path file = run.warehouse().manifests().resolve("metrics-" + runId + ".json");
        try {
            Files.createDirectories(file.getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), manifest);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        run.progress("metrics: run " + runId + " published (" + metricSnapshots.size()
                + " tables, catalog " + catalog.name() + "), manifest " + file);
        restatement(runId);
    }

    /** How many changed figures the console shows; the JSON beside the manifest lists every one. */
    private static final int FIGURES_SHOWN = 30;

    /**
     * What this run changed against the run published before it (docs/restatements.md): printed, and
     * kept as JSON beside the manifest. Nothing for a warehouse's first run.
     */
    private void restatement(String runId) {
        Optional<Restatement> restatement = Restatement.sincePreviousRun(catalog, runId);
        if (restatement.isEmpty()) {
            return;
        }
        Path file = run.warehouse().manifests().resolve("restatement-" + runId + ".json");
        try {
            Files.writeString(file, restatement.get().toJson());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        run.progress("restatement against run " + restatement.get().previous().runId() + " (" + file + "):");
        run.progress(restatement.get().toText(FIGURES_SHOWN));
    }

    /** The metrics run an execution of the metrics or pipeline job computes, once its first step ran. */
    public static Optional<String> runIdOf(org.springframework.batch.core.JobExecution execution) {
        return JobState.of(execution).find(RUN_ID, String.class);
    }

    static String runId(JobState state) {
        return state.getString(RUN_ID);
    }

    private SparkSession session() {
        SparkSession spark = sparkProvider.get();
        spark.conf().set("spark.sql.session.timeZone", run.config().reporting().timeZone().getId());
        return spark;
    }

    /**
     * A computing step: the session with the raw tables registered at the snapshots {@link #prepare}
     * read, and the metrics context it fixed, rebuilt from the job state (in this process or, after a
     * restart, in another). Closing it drops what the step cached.
     */
    private final class Step implements AutoCloseable {

        private final JobState state;
        private final SparkTables tables;
        private final MetricsContext context;
        private final Map<String, Long> snapshots;
        private final Map<String, Long> rows;
        private final StepContribution counts;

        Step(JobState state, StepContribution counts) {
            this.state = state;
            this.counts = counts;
            SparkSession spark = session();
            tables = new SparkTables(spark, catalog, runId(state));
            RawTables.register(tables, state.get(RAW_SNAPSHOTS, SNAPSHOTS));
            MetricFunctions.register(spark);
            context = new MetricsContext(spark, run.config(), LocalDate.parse(state.getString(DATA_END)),
                    state.getString(CURRENCY));
            snapshots = state.get(METRIC_SNAPSHOTS, SNAPSHOTS);
            rows = state.get(TABLE_ROWS, SNAPSHOTS);
        }

        @Override
        public void close() {
            releaseCached();
        }

        private void write(TableSchema table, Dataset<Row> data) {
            long started = System.nanoTime();
            progress.doing(table.name());
            Snapshot snapshot = new MetricTableWriter(tables).write(table, data);
            long count = SparkTables.rows(snapshot);
            snapshots.put(table.name(), snapshot.snapshotId());
            rows.put(table.name(), count);
            counts.incrementWriteCount(count);
            state.put(METRIC_SNAPSHOTS, snapshots);
            state.put(TABLE_ROWS, rows);
            run.progress(String.format("  %-22s %,9d rows  %6.1f s", table.name(), count,
                    (System.nanoTime() - started) / 1e9));
            Faults.afterTable(table.name());
        }
    }

    private boolean hasOrders() {
        return catalog.load(TableIds.raw("orders")).map(table -> SparkTables.rows(table.currentSnapshot()) > 0)
                .orElse(false);
    }

    /**
     * The files behind the raw tables, counted as the ingest summary counts them, for the provenance
     * block: the rows kept (per {@code _file} of the raw tables), the rows quarantined (the quarantine
     * table's rows of the file, a whole-file rejection, line null, not counted), the rows read (the
     * staging registry's count of the version that stands), and from these accepted = read -
     * quarantined and superseded = accepted - kept (earlier versions of orders that a newer one
     * replaced: they are in no table the run reads, so they are known only as this difference). Without
     * the registry's count (staging removed) read, accepted and superseded stay null, never guessed.
     */
    private List<MetricsRunRecord.InputFile> inputFiles(SparkSession spark, SparkTables tables) {
        Map<String, Long> read = StagedFiles.rowsRead(catalog);
        Map<String, Long> quarantined = new java.util.HashMap<>();
        Dataset<Row> quarantine = tables.readCurrent(TableIds.QUARANTINE, IngestTables.QUARANTINE);
        for (Row row : quarantine.filter("line IS NOT NULL AND source IS NOT NULL AND file IS NOT NULL")
                .groupBy("source", "file").count().collectAsList()) {
            quarantined.put(StagedFiles.key(row.getString(0), row.getString(1)), row.getLong(2));
        }
        List<MetricsRunRecord.InputFile> files = new ArrayList<>();
        for (TableSchema source : io.commercemetrics.schemas.Sources.ALL) {
            Map<String, Long> kept = new java.util.TreeMap<>();
            for (Row row : spark.sql("SELECT " + IngestTables.FILE + ", count(*) FROM " + source.name()
                    + " GROUP BY 1").collectAsList()) {
                kept.put(row.getString(0), row.getLong(1));
            }
            // a file whose every row was quarantined is an input too
            String prefix = StagedFiles.key(source.name(), "");
            quarantined.keySet().stream().filter(key -> key.startsWith(prefix))
                    .forEach(key -> kept.putIfAbsent(key.substring(prefix.length()), 0L));
            kept.forEach((file, rows) -> files.add(inputFile(source.name(), file, rows, read, quarantined)));
        }
        return files;
    }

    private static MetricsRunRecord.InputFile inputFile(String source, String file, long kept, Map<String, Long> read,
                                                        Map<String, Long> quarantinedByFile) {
        String key = StagedFiles.key(source, file);
        long quarantined = quarantinedByFile.getOrDefault(key, 0L);
        Long rowsRead = read.get(key);
        if (rowsRead == null || rowsRead - quarantined - kept < 0) {
            // the registry does not know the file, or knows another version of it: no figure beats a wrong one
            return new MetricsRunRecord.InputFile(source, file, kept, null, null, quarantined, null);
        }
        long accepted = rowsRead - quarantined;
        return new MetricsRunRecord.InputFile(source, file, kept, rowsRead, accepted, quarantined, accepted - kept);
    }
}
