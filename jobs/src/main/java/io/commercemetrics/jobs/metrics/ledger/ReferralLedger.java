package io.commercemetrics.jobs.metrics.ledger;

import io.commercemetrics.jobs.config.PipelineConfig;
import io.commercemetrics.jobs.metrics.MetricFunctions;
import io.commercemetrics.jobs.metrics.MetricQueries;
import io.commercemetrics.jobs.metrics.MetricsContext;
import io.commercemetrics.jobs.spark.Materialized;
import io.commercemetrics.schemas.MetricTables;
import io.commercemetrics.schemas.SparkSchemas;
import io.commercemetrics.schemas.TableSchema;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The referral ledger of METRICS.md: attribution of counted orders to shares, the fission chain,
 * commission lines and reversals, the monthly statement per sharer and currency, and the
 * reconciliation against payouts. Reads the raw views ({@code orders}, {@code order_lines},
 * {@code refunds}, {@code shares}, {@code share_clicks}, {@code payouts}) and registers its results
 * as views for the steps after it and for other tables (effective channel, commissions in
 * traffic_cost): {@code ledger_share_levels}, {@code ledger_order_attribution},
 * {@code ledger_commission_lines}, {@code ledger_commission_reversals},
 * {@code ledger_payouts}, {@code ledger_commission_statement}.
 */
public final class ReferralLedger {

    private ReferralLedger() {
    }

    /** With no month closed. */
    public static LedgerTables compute(MetricsContext ctx) {
        return compute(ctx, ClosedBooks.none());
    }

    /**
     * The closed months' statement, reconciliation and adjustment rows are {@code closed}'s as they
     * are; what this run would change in them is posted to the first open month.
     */
    public static LedgerTables compute(MetricsContext ctx, ClosedBooks closed) {
        SparkSession spark = ctx.spark();
        PipelineConfig.Commission commission = ctx.config().commission();
        LocalDate dataEnd = ctx.dataEnd();
        if (closed.any() && !YearMonth.from(dataEnd).isAfter(closed.closedThrough())) {
            throw new IllegalStateException("the data end " + dataEnd + " is in a closed month (closed through "
                    + closed.closedThrough() + "): a run must reach the first open month, " + closed.firstOpen());
        }
        MetricFunctions.register(spark); // a no-op when the job runner has already
        FissionChain.register(spark, commission.maxLevels());

        // materialized, as the ledger's other results: each is written as a table and read by the ones after it
        Dataset<Row> attribution = Materialized.of(conform(MetricQueries.run(spark, "order_attribution", Map.of(
                "data_end", dataEnd,
                "window_days", ctx.config().attribution().windowDays(),
                "last_touch", ctx.config().attribution().model() == PipelineConfig.AttributionModel.last_touch)),
                MetricTables.ORDER_ATTRIBUTION));
        attribution.createOrReplaceTempView("ledger_order_attribution");

        CommissionLedger.Entries entries =
                new CommissionLedger(spark, CommissionRules.of(commission), dataEnd).compute();
        Dataset<Row> lines = Materialized.of(entries.lines());
        Dataset<Row> reversals = Materialized.of(entries.reversals());
        lines.createOrReplaceTempView("ledger_commission_lines");
        reversals.createOrReplaceTempView("ledger_commission_reversals");

        bookedPayouts(spark, closed).createOrReplaceTempView("ledger_payouts");
        Dataset<Row> adjustments = Materialized.of(
                CommissionAdjustments.compute(spark, lines, reversals, dataEnd, closed));
        Dataset<Row> statement = Materialized.of(new CommissionStatement(commission.minPayout(), dataEnd)
                .compute(spark, dataEnd, closed, adjustments));
        statement.createOrReplaceTempView("ledger_commission_statement");

        Dataset<Row> reconciliation = conform(MetricQueries.run(spark, "reconciliation",
                Map.of("data_end", dataEnd)), MetricTables.RECONCILIATION);
        if (closed.any()) {
            reconciliation = closed.closedRows(closed.reconciliation(), "period")
                    .unionByName(reconciliation.filter(col("period").gt(closed.closedThrough().toString())));
        }
        return new LedgerTables(attribution, lines, reversals, statement, reconciliation, adjustments);
    }

    /**
     * The payouts as the ledger books them: a payout for a closed month that the month's frozen
     * reconciliation does not list (it arrived, or was paid, after the close) is booked in the first
     * open month, so that the closed month stays as it was and the money is still counted.
     */
    private static Dataset<Row> bookedPayouts(SparkSession spark, ClosedBooks closed) {
        Dataset<Row> payouts = spark.table("payouts");
        if (!closed.any()) {
            return payouts;
        }
        Dataset<Row> frozenIds = closed.closedRows(closed.reconciliation(), "period")
                .select(explode(split(col("payout_ids"), ";")).as("frozen_payout_id")).distinct();
        Column late = col("period").leq(closed.closedThrough().toString()).and(col("frozen_payout_id").isNull());
        return payouts.join(frozenIds, payouts.col("payout_id").equalTo(frozenIds.col("frozen_payout_id")), "left")
                .withColumn("period", when(late, lit(closed.firstOpen().toString())).otherwise(col("period")))
                .drop("frozen_payout_id");
    }

    /** Exactly the table's columns, in order, with its types. */
    static Dataset<Row> conform(Dataset<Row> rows, TableSchema table) {
        Column[] columns = table.fields().stream()
                .map(f -> rows.col(f.name()).cast(SparkSchemas.toDataType(f.type())).as(f.name()))
                .toArray(Column[]::new);
        return rows.select(columns);
    }
}
