package io.commercemetrics.jobs.batch;

import io.commercemetrics.jobs.config.PipelineConfig;
import io.commercemetrics.jobs.ingest.StagedFiles;
import io.commercemetrics.jobs.metrics.MetricFunctions;
import io.commercemetrics.jobs.metrics.MetricTableWriter;
import io.commercemetrics.jobs.metrics.MetricsContext;
import io.commercemetrics.jobs.metrics.RawTables;
import io.commercemetrics.jobs.metrics.analytics.AnalyticsMetrics;
import io.commercemetrics.jobs.metrics.analytics.AnalyticsTables;
import io.commercemetrics.jobs.metrics.analytics.DataEnd;
import io.commercemetrics.jobs.metrics.analytics.ReportingCurrency;
import io.commercemetrics.jobs.metrics.ledger.ClosedBooks;
import io.commercemetrics.jobs.metrics.ledger.LedgerTables;
import io.commercemetrics.jobs.metrics.ledger.ReferralLedger;
import io.commercemetrics.jobs.spark.SparkTables;
import io.commercemetrics.warehouse.IngestTables;
import io.commercemetrics.warehouse.MetricsRunRecord;
import io.commercemetrics.warehouse.RunRecords;
import io.commercemetrics.warehouse.TableIds;
import io.commercemetrics.warehouse.WarehouseCatalog;
import org.apache.iceberg.Snapshot;
import io.commercemetrics.schemas.MetricTables;
import io.commercemetrics.schemas.TableSchema;
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
 * The state of one metrics run across its steps: the context fixed by {@link #prepare}, then the
 * table groups, each written as soon as it is computed, then the run record.
 */
public class MetricsRun {

    private final RunContext run;
    private final SparkSessionProvider sparkProvider;
    private final WarehouseCatalog catalog;
    private SparkTables tables;
    private MetricsContext context;
    private Map<String, Long> rawSnapshots = Map.of();
    private final Map<String, Long> metricSnapshots = new LinkedHashMap<>();
    private List<MetricsRunRecord.InputFile> inputs = List.of();
    private final Map<String, Object> tableRows = new LinkedHashMap<>();
    private final Instant startedAt = Instant.now();

    public MetricsRun(RunContext run, SparkSessionProvider sparkProvider, WarehouseCatalog catalog) {
        this.run = run;
        this.sparkProvider = sparkProvider;
        this.catalog = catalog;
    }

    /** Registers the raw tables and fixes the data end and the reporting currency. */
    public void prepare() {
        if (run.asOf() == null && !hasOrders()) {
            // known before Spark starts (tens of seconds): say it at once
            throw new IllegalStateException(DataEnd.NO_ORDERS);
        }
        SparkSession spark = sparkProvider.get();
        spark.conf().set("spark.sql.session.timeZone", run.config().reporting().timeZone().getId());
        tables = new SparkTables(spark, catalog, run.runId());
        rawSnapshots = RawTables.register(tables);
        MetricFunctions.register(spark);
        inputs = inputFiles(spark);
        LocalDate dataEnd = DataEnd.compute(spark, Optional.ofNullable(run.asOf()));
        String currency = ReportingCurrency.resolve(spark, run.config());
        context = new MetricsContext(spark, run.config(), dataEnd, currency);
        run.progress("metrics: data end " + dataEnd + ", reporting currency " + currency + ", time zone "
                + run.config().reporting().timeZone().getId());
    }

    public void ledger() {
        LedgerTables ledger = ReferralLedger.compute(context, ClosedBooks.load(tables));
        write(MetricTables.ORDER_ATTRIBUTION, ledger.orderAttribution());
        write(MetricTables.COMMISSION_LINES, ledger.commissionLines());
        write(MetricTables.COMMISSION_REVERSALS, ledger.commissionReversals());
        write(MetricTables.COMMISSION_STATEMENT, ledger.commissionStatement());
        write(MetricTables.RECONCILIATION, ledger.reconciliation());
        write(MetricTables.COMMISSION_ADJUSTMENTS, ledger.commissionAdjustments());
        // the analytical tables read these two by name: the snapshots just committed, not recomputed
        for (TableSchema table : List.of(MetricTables.ORDER_ATTRIBUTION, MetricTables.COMMISSION_LINES)) {
            tables.read(TableIds.metric(table.name()), metricSnapshots.get(table.name()), table)
                    .createOrReplaceTempView(table.name());
        }
    }

    public void analytics() {
        AnalyticsTables tables = AnalyticsMetrics.compute(context);
        write(MetricTables.REPURCHASE_COHORT, tables.repurchaseCohort());
        write(MetricTables.REPEAT_RATE, tables.repeatRate());
        write(MetricTables.COHORT_RETENTION, tables.cohortRetention());
        write(MetricTables.TRAFFIC_COST, tables.trafficCost());
        write(MetricTables.SOCIAL_SPREAD, tables.socialSpread());
        write(MetricTables.VIRAL_COEFFICIENT, tables.viralCoefficient());
        write(MetricTables.REVIEW_SUMMARY, tables.reviewSummary());
        write(MetricTables.TRUST_EFFECT, tables.trustEffect());
    }

    /**
     * Publishes the run record (the provenance every report prints, and the snapshot of every table
     * the run committed and read): from now on readers read this run. Then writes the run's manifest
     * (the same plus the configuration in force and each table's row count).
     */
    public void record() {
        List<String> versions = run.config().commission().rules().stream()
                .map(PipelineConfig.RuleVersion::version).toList();
        MetricsRunRecord record = new MetricsRunRecord(run.runId(), Instant.now().toString(),
                context.dataEnd().toString(), run.config().reporting().timeZone().getId(),
                context.reportingCurrency(), versions, inputs, metricSnapshots, rawSnapshots);
        new RunRecords(catalog).publish(record);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("job", "metrics");
        manifest.put("run_id", run.runId());
        manifest.put("started_at", startedAt.toString());
        manifest.put("duration_ms", java.time.Duration.between(startedAt, Instant.now()).toMillis());
        manifest.put("as_of", run.asOf() == null ? null : run.asOf().toString());
        manifest.put("run", record);
        manifest.put("table_rows", tableRows);
        manifest.put("config", run.configYaml());
        Path file = run.warehouse().manifests().resolve("metrics-" + run.runId() + ".json");
        try {
            Files.createDirectories(file.getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), manifest);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        run.progress("metrics: run " + run.runId() + " published (" + metricSnapshots.size()
                + " tables, catalog " + catalog.name() + "), manifest " + file);
    }

    private void write(TableSchema table, Dataset<Row> rows) {
        long started = System.nanoTime();
        Snapshot snapshot = new MetricTableWriter(tables).write(table, rows);
        long count = SparkTables.rows(snapshot);
        metricSnapshots.put(table.name(), snapshot.snapshotId());
        tableRows.put(table.name(), count);
        run.progress(String.format("  %-22s %,9d rows  %6.1f s", table.name(), count,
                (System.nanoTime() - started) / 1e9));
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
    private List<MetricsRunRecord.InputFile> inputFiles(SparkSession spark) {
        Map<String, Long> read = StagedFiles.rowsRead(run.warehouse().staging());
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
