package io.commercemetrics.jobs.metrics.ledger;

import io.commercemetrics.jobs.metrics.MetricQueries;
import io.commercemetrics.schemas.MetricTables;
import io.commercemetrics.schemas.SparkSchemas;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * commission_adjustments (docs/metrics.md, "Closed months and adjustments"): what this run's
 * commission lines and reversals would change in the payable of a closed month, posted to the first
 * open month with its cause; with the adjustments the closed months already carry, as frozen.
 */
public final class CommissionAdjustments {

    private CommissionAdjustments() {
    }

    public static Dataset<Row> compute(SparkSession spark, Dataset<Row> lines, Dataset<Row> reversals,
                                       LocalDate dataEnd, ClosedBooks closed) {
        if (!closed.any()) {
            return spark.createDataFrame(List.of(), SparkSchemas.toStructType(MetricTables.COMMISSION_ADJUSTMENTS));
        }
        entries(spark, lines, reversals, dataEnd).createOrReplaceTempView("adjustment_new_entries");
        entries(spark, closed.lines(), closed.reversals(), closed.dataEnd())
                .createOrReplaceTempView("adjustment_frozen_entries");
        closed.lines().createOrReplaceTempView("closed_commission_lines");
        closed.reversals().createOrReplaceTempView("closed_commission_reversals");
        Dataset<Row> posted = ReferralLedger.conform(MetricQueries.run(spark, "commission_adjustments", Map.of(
                "closed_through", closed.closedThrough().toString(),
                "first_open", closed.firstOpen().toString(),
                "frozen_data_end", closed.dataEnd())), MetricTables.COMMISSION_ADJUSTMENTS);
        return closed.closedRows(closed.adjustments(), "posted_month").unionByName(posted);
    }

    /** The payable entries of one computation (analysed at once, so the views can be replaced after). */
    private static Dataset<Row> entries(SparkSession spark, Dataset<Row> lines, Dataset<Row> reversals,
                                        LocalDate dataEnd) {
        lines.createOrReplaceTempView("payable_lines");
        reversals.createOrReplaceTempView("payable_reversals");
        return MetricQueries.run(spark, "commission_payable_entries", Map.of("data_end", dataEnd));
    }
}
