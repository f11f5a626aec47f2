package io.commercemetrics.jobs.metrics.ledger;

import io.commercemetrics.jobs.config.PipelineConfig;
import io.commercemetrics.jobs.metrics.MetricFunctions;
import io.commercemetrics.jobs.metrics.MetricQueries;
import io.commercemetrics.jobs.metrics.MetricsContext;
import io.commercemetrics.schemas.MetricTables;
import io.commercemetrics.schemas.SparkSchemas;
import io.commercemetrics.schemas.TableSchema;
import java.time.LocalDate;
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
 * {@code ledger_commission_statement}.
 */
public final class ReferralLedger {

    private ReferralLedger() {
    }

    public static LedgerTables compute(MetricsContext ctx) {
        SparkSession spark = ctx.spark();
        PipelineConfig.Commission commission = ctx.config().commission();
        LocalDate dataEnd = ctx.dataEnd();
        MetricFunctions.register(spark); // a no-op when the job runner has already
        FissionChain.register(spark, commission.maxLevels());

        Dataset<Row> attribution = conform(MetricQueries.run(spark, "order_attribution", Map.of(
                "data_end", dataEnd,
                "window_days", ctx.config().attribution().windowDays(),
                "last_touch", ctx.config().attribution().model() == PipelineConfig.AttributionModel.last_touch)),
                MetricTables.ORDER_ATTRIBUTION);
        attribution.createOrReplaceTempView("ledger_order_attribution");

        CommissionLedger.Entries entries =
                new CommissionLedger(spark, CommissionRules.of(commission), dataEnd).compute();
        Dataset<Row> lines = entries.lines();
        Dataset<Row> reversals = entries.reversals();
        lines.createOrReplaceTempView("ledger_commission_lines");
        reversals.createOrReplaceTempView("ledger_commission_reversals");

        Dataset<Row> statement = new CommissionStatement(commission.minPayout(), dataEnd).compute(spark, dataEnd);
        statement.createOrReplaceTempView("ledger_commission_statement");

        Dataset<Row> reconciliation = conform(MetricQueries.run(spark, "reconciliation",
                Map.of("data_end", dataEnd)), MetricTables.RECONCILIATION);
        return new LedgerTables(attribution, lines, reversals, statement, reconciliation);
    }

    /** Exactly the table's columns, in order, with its types. */
    static Dataset<Row> conform(Dataset<Row> rows, TableSchema table) {
        Column[] columns = table.fields().stream()
                .map(f -> rows.col(f.name()).cast(SparkSchemas.toDataType(f.type())).as(f.name()))
                .toArray(Column[]::new);
        return rows.select(columns);
    }
}
