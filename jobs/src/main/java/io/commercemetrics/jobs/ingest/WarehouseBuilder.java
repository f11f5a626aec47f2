package io.commercemetrics.jobs.ingest;

import io.commercemetrics.warehouse.IngestTables;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import io.commercemetrics.jobs.spark.SparkTables;
import io.commercemetrics.warehouse.TableIds;
import io.commercemetrics.warehouse.Warehouse;
import io.commercemetrics.jobs.config.PipelineConfig;
import io.commercemetrics.schemas.SparkSchemas;
import io.commercemetrics.schemas.Sources;
import io.commercemetrics.schemas.TableSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.StructType;

/**
 * Rebuilds the raw tables ({@code raw.<source>}) and the quarantine from everything staged, applying
 * the rules that need more than one row or file: uniqueness, order versions, orphan lines, refund
 * checks, share loops and fx coverage. Each table is committed as one Iceberg snapshot.
 */
final class WarehouseBuilder {

    private final SparkSession spark;
    private final SparkTables tables;
    private final Path warehouse;
    private final StagingMirror mirror;
    private final PipelineConfig config;
    private final String runId;
    private final List<StagingRegistry.Entry> staged;
    private final Consumer<String> progress;
    private final CrossFileRules rules = new CrossFileRules();
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, Dataset<Row>> accepted = new LinkedHashMap<>();
    private final Map<String, Long> superseded = new TreeMap<>();

    WarehouseBuilder(SparkTables tables, Warehouse location, PipelineConfig config, String runId,
                     List<StagingRegistry.Entry> staged, Consumer<String> progress) {
        this.tables = tables;
        this.warehouse = location.root();
        this.mirror = new StagingMirror(location, location.staging(),
                tables.spark().sparkContext().hadoopConfiguration());
        this.mirror.sync(staged.stream().map(StagingRegistry.Entry::folder).toList());
        this.spark = tables.spark();
        this.config = config;
        this.runId = runId;
        this.staged = staged;
        this.progress = progress;
    }

    CrossFileResult build() {
        long start = System.nanoTime();
        String previousZone = spark.conf().get("spark.sql.session.timeZone");
        // to_date(ts) must be the local date in the reporting time zone (DATA.md, fx coverage)
        spark.conf().set("spark.sql.session.timeZone", config.reporting().timeZone().getId());
        try {
            FxCoverage fx = new FxCoverage(rules, rules.firstStands(read(Sources.FX_RATES), "fx_rates", "date", "currency"),
                    reportingCurrency());
            accepted.put("fx_rates", fx.rates());
            Dataset<Row> orders = fx.check(latestVersions(read(Sources.ORDERS)), "orders",
                    to_date(col("order_ts")));
            accepted.put("orders", orders);
            boolean haveOrders = hasFiles("orders");
            accepted.put("order_lines", orphanLines(haveOrders, orders));
            accepted.put("refunds", new RefundChecks(rules, fx).apply(read(Sources.REFUNDS), haveOrders ? orders : null));
            accepted.put("shares", shares());
            accepted.put("share_clicks", rules.firstStands(read(Sources.SHARE_CLICKS), "share_clicks", "click_id"));
            accepted.put("reviews", rules.firstStands(read(Sources.REVIEWS), "reviews", "review_id"));
            accepted.put("traffic", fx.check(read(Sources.TRAFFIC), "traffic", col("date")));
            accepted.put("payouts", rules.firstStands(read(Sources.PAYOUTS), "payouts", "payout_id"));
            return write(fx.reportingCurrency(), start);
        } finally {
            spark.conf().set("spark.sql.session.timeZone", previousZone);
        }
    }

    private Dataset<Row> orphanLines(boolean haveOrders, Dataset<Row> orders) {
        Dataset<Row> lines = rules.firstStands(read(Sources.ORDER_LINES), "order_lines", "order_id", "line_no");
        if (!haveOrders) {
            return lines;
        }
        Dataset<Row> known = orders.select(col("order_id").as("_known_order"));
        Dataset<Row> joined = lines.join(known, lines.col("order_id").equalTo(known.col("_known_order")), "left");
        return rules.rejectWhere(joined, "order_lines",
                when(col("_known_order").isNull(), concat(lit("order_id "), col("order_id"),
                        lit(" is not a valid order (orphan order line)"))),
                lit("orphan order line"), "_known_order");
    }

    /** The latest valid version of each order: latest updated_ts (null oldest), ties to the last in file order. */
    private Dataset<Row> latestVersions(Dataset<Row> orders) {
        Dataset<Row> ranked = orders.withColumn("_version", row_number().over(Window.partitionBy(col("order_id"))
                .orderBy(col("updated_ts").desc_nulls_last(), CrossFileRules.fileName().desc(),
                        col(IngestTables.FILE).desc(), col(IngestTables.LINE).desc())))
                .localCheckpoint();
        for (Row r : ranked.filter(col("_version").gt(1)).groupBy(col(IngestTables.FILE)).count().collectAsList()) {
            superseded.put(CrossFileResult.key("orders", r.getString(0)), r.getLong(1));
        }
        return ranked.filter(col("_version").equalTo(1)).drop("_version");
    }

    private Dataset<Row> shares() {
        Dataset<Row> shares = rules.firstStands(read(Sources.SHARES), "shares", "share_id");
        Map<String, String> parentOf = new HashMap<>();
        for (Row r : shares.filter(col("parent_share_id").isNotNull()).select("share_id", "parent_share_id")
                .collectAsList()) {
            parentOf.put(r.getString(0), r.getString(1));
        }
        Set<String> looped = ShareLoops.onLoops(parentOf);
        // a join rather than isin(...): a long list of looped ids would make a huge expression
        Dataset<Row> loops = spark.createDataset(List.copyOf(looped), Encoders.STRING()).toDF("_looped");
        Dataset<Row> marked = shares.join(loops, shares.col("share_id").equalTo(loops.col("_looped")), "left");
        return rules.rejectWhere(marked, "shares",
                when(col("_looped").isNotNull(), concat(lit("share "), col("share_id"),
                        lit(" is on a parent_share_id loop"))),
                lit("share parent loop"), "_looped");
    }

    /** The configured currency, or the data's only one; null (with a warning) when it cannot be told. */
    private String reportingCurrency() {
        if (config.reporting().currency() != null) {
            return config.reporting().currency();
        }
        Set<String> currencies = new TreeSet<>();
        read(Sources.ORDERS).select("currency").union(read(Sources.REFUNDS).select("currency"))
                .union(read(Sources.TRAFFIC).select("currency")).distinct().collectAsList()
                .forEach(r -> currencies.add(r.getString(0)));
        if (currencies.size() > 1) {
            warnings.add("several currencies (" + String.join(", ", currencies) + ") and no reporting.currency "
                    + "configured: fx coverage was not checked; the metrics step will stop until one is set");
        }
        return currencies.size() == 1 ? currencies.iterator().next() : null;
    }

    private boolean hasFiles(String source) {
        return !stagedFiles(source, FileIngestor.ROWS).isEmpty();
    }

    private List<String> stagedFiles(String source, String fileName) {
        List<String> paths = new ArrayList<>();
        for (StagingRegistry.Entry e : staged) {
            Path p = warehouse.resolve("staging").resolve(e.folder()).resolve(fileName);
            if (e.result().source().equals(source) && Files.isRegularFile(p)) {
                paths.add(mirror.locationOf(p));
            }
        }
        return paths;
    }

    private final Map<String, Dataset<Row>> readCache = new HashMap<>();

    private Dataset<Row> read(TableSchema source) {
        return readCache.computeIfAbsent(source.name(), name -> {
            StructType schema = SparkSchemas.toStructType(IngestTables.staged(source));
            List<String> files = stagedFiles(name, FileIngestor.ROWS);
            return files.isEmpty() ? spark.createDataFrame(List.of(), schema)
                    : spark.read().schema(schema).parquet(files.toArray(String[]::new));
        });
    }

    /**
     * Commits every raw table and then the quarantine, each as one Iceberg snapshot replacing the
     * table's content. Nothing is renamed: a reader (the next metrics run) reads whole snapshots.
     */
    private CrossFileResult write(String reportingCurrency, long start) {
        Map<String, Long> rawRows = new LinkedHashMap<>();
        Map<String, Map<String, Long>> rejectedByFile = new TreeMap<>();
        Dataset<Row> rejected = rules.rejections().stream().reduce(Dataset::unionByName)
                .orElseThrow().localCheckpoint();
        for (Row r : rejected.groupBy("source", "file", "kind").count().collectAsList()) {
            rejectedByFile.computeIfAbsent(CrossFileResult.key(r.getString(0), r.getString(1)), k -> new TreeMap<>())
                    .merge(r.getString(2), r.getLong(3), Long::sum);
        }
        for (Map.Entry<String, Dataset<Row>> table : accepted.entrySet()) {
            TableSchema schema = IngestTables.raw(Sources.byName(table.getKey()).orElseThrow());
            Dataset<Row> rows = hasFiles(table.getKey())
                    ? table.getValue().select(schema.columnNames().stream().map(c -> col(c)).toArray(Column[]::new))
                    : tables.empty(schema);
            long count = SparkTables.rows(tables.replace(TableIds.raw(table.getKey()), schema, rows));
            rawRows.put(table.getKey(), count);
            progress.accept("raw." + table.getKey() + ": " + count + " rows");
        }
        StructType quarantineSchema = SparkSchemas.toStructType(IngestTables.QUARANTINE);
        List<String> stagedQuarantine = new ArrayList<>();
        Sources.ALL.forEach(s -> stagedQuarantine.addAll(stagedFiles(s.name(), FileIngestor.QUARANTINED)));
        // the rejections of newer versions whose earlier version's rows stand
        Sources.ALL.forEach(s -> stagedQuarantine.addAll(stagedFiles(s.name(), FileIngestor.REJECTION)));
        Dataset<Row> quarantine = rejected.drop("kind").withColumn("run_id", lit(runId));
        if (!stagedQuarantine.isEmpty()) {
            quarantine = spark.read().schema(quarantineSchema).parquet(stagedQuarantine.toArray(String[]::new))
                    .unionByName(quarantine);
        }
        long quarantineRows = SparkTables.rows(tables.replace(TableIds.QUARANTINE, IngestTables.QUARANTINE,
                quarantine.coalesce(1)));
        return new CrossFileResult(rawRows, quarantineRows, rejectedByFile, superseded, warnings,
                reportingCurrency, (System.nanoTime() - start) / 1_000_000);
    }
}
