package io.commercemetrics.jobs.metrics.analytics;

import io.commercemetrics.jobs.config.PipelineConfig;
import io.commercemetrics.jobs.metrics.MetricFunctions;
import io.commercemetrics.jobs.metrics.MetricQueries;
import io.commercemetrics.jobs.metrics.MetricsContext;
import io.commercemetrics.jobs.metrics.ShareChains;
import io.commercemetrics.schemas.MetricTables;
import io.commercemetrics.schemas.SparkSchemas;
import io.commercemetrics.schemas.TableSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The analytical tables of METRICS.md (repurchase, traffic cost, social spread, reviews and trust).
 * Reads the raw views and the ledger's {@code order_attribution} and {@code commission_lines};
 * registers the shared prep views first, in dependency order:
 * {@code channel_groups}, {@code repurchase_windows} (from the configuration), {@code fx_daily},
 * {@code counted_orders}, {@code customer_first_orders}, {@code calendar}, {@code share_chains}.
 */
public final class AnalyticsMetrics {

    private static final List<String> PREP_VIEWS =
            List.of("fx_daily", "counted_orders", "customer_first_orders", "calendar");

    private AnalyticsMetrics() {
    }

    /**
     * The analytical tables, in the order they are written. Each is the query
     * {@code resources/metrics/<name>.sql}, cast to its {@code MetricTables} schema; it may read the
     * raw views, the ledger's two tables and the prep views above. Adding a table: its schema in
     * {@code MetricTables}, its SQL, its line here, its golden case and its docs/metrics.md section.
     */
    public static final List<TableSchema> TABLES = List.of(
            MetricTables.REPURCHASE_COHORT,
            MetricTables.REPEAT_RATE,
            MetricTables.COHORT_RETENTION,
            MetricTables.TRAFFIC_COST,
            MetricTables.SOCIAL_SPREAD,
            MetricTables.VIRAL_COEFFICIENT,
            MetricTables.REVIEW_SUMMARY,
            MetricTables.TRUST_EFFECT);

    /** Registers the prep views (computed now) and returns each of {@link #TABLES} by its schema, in order. */
    public static Map<TableSchema, Dataset<Row>> compute(MetricsContext ctx) {
        SparkSession spark = ctx.spark();
        MetricFunctions.register(spark);
        MoneyPerUnit.register(spark);
        registerSettings(spark, ctx.config());
        Map<String, Object> parameters = Map.of(
                "data_end", ctx.dataEnd(),
                "reporting_currency", ctx.reportingCurrency());
        for (String view : PREP_VIEWS) {
            MetricQueries.runAsView(spark, view, parameters);
        }
        ShareChains.register(spark);
        Map<TableSchema, Dataset<Row>> tables = new LinkedHashMap<>();
        for (TableSchema table : TABLES) {
            tables.put(table, table(spark, table, parameters));
        }
        return tables;
    }

    /** The query of a table, cast column by column to the contract's types (names and order checked). */
    private static Dataset<Row> table(SparkSession spark, TableSchema schema, Map<String, Object> parameters) {
        Dataset<Row> result = MetricQueries.run(spark, schema.name(), parameters);
        StructType contract = SparkSchemas.toStructType(schema);
        if (!List.of(result.columns()).equals(List.of(contract.fieldNames()))) {
            throw new IllegalStateException(schema.name() + ".sql returns " + List.of(result.columns())
                    + " instead of " + List.of(contract.fieldNames()));
        }
        Column[] typed = new Column[contract.fields().length];
        for (int i = 0; i < typed.length; i++) {
            typed[i] = result.col(contract.fields()[i].name()).cast(contract.fields()[i].dataType())
                    .as(contract.fields()[i].name());
        }
        return result.select(typed);
    }

    /** {@code channel_groups(channel, channel_group)} and {@code repurchase_windows(window_days)}. */
    private static void registerSettings(SparkSession spark, PipelineConfig config) {
        List<Row> groups = new ArrayList<>();
        config.channels().social().forEach(c -> groups.add(RowFactory.create(c, PipelineConfig.Channels.SOCIAL)));
        config.channels().traditional().stream().filter(c -> !config.channels().social().contains(c))
                .forEach(c -> groups.add(RowFactory.create(c, PipelineConfig.Channels.TRADITIONAL)));
        spark.createDataFrame(groups, new StructType()
                        .add("channel", DataTypes.StringType, false)
                        .add("channel_group", DataTypes.StringType, false))
                .createOrReplaceTempView("channel_groups");
        List<Row> windows = config.repurchase().windowsDays().stream().distinct()
                .map(days -> RowFactory.create(days)).toList();
        spark.createDataFrame(windows, new StructType().add("window_days", DataTypes.IntegerType, false))
                .createOrReplaceTempView("repurchase_windows");
    }
}
