package io.commercemetrics.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * DATA.md refunds: unique refund_id; the order must be a valid order; same currency as the
 * order's latest version; fx coverage on the refund's date; then the cap at the order's NMA.
 * Every reason of the first three is collected together; the cap only sees refunds that passed.
 */
final class RefundChecks {

    private final CrossFileRules rules;
    private final FxCoverage fx;

    RefundChecks(CrossFileRules rules, FxCoverage fx) {
        this.rules = rules;
        this.fx = fx;
    }

    /** @param orders the valid latest order versions, or null when no orders were ever staged */
    Dataset<Row> apply(Dataset<Row> staged, Dataset<Row> orders) {
        Dataset<Row> refunds = rules.firstStands(staged, "refunds", "refund_id");
        Column day = to_date(col("refund_ts"));
        if (orders == null) {
            // like order lines, checked only when orders are present at all
            return fx.check(refunds, "refunds", day);
        }
        Dataset<Row> known = orders.select(col("order_id").as("_o_id"), col("currency").as("_o_currency"),
                col("gross_amount").as("_o_gross"), col("discount_amount").as("_o_discount"));
        Dataset<Row> joined = fx.withFirstRateDate(
                refunds.join(known, refunds.col("order_id").equalTo(known.col("_o_id")), "left"));
        Column unknown = col("_o_id").isNull();
        Column otherCurrency = col("_o_id").isNotNull().and(col("currency").notEqual(col("_o_currency")));
        Column reason = CrossFileRules.anyOf(
                when(unknown, concat(lit("unknown order "), col("order_id"))),
                when(otherCurrency, concat(lit("currency "), col("currency"), lit(" differs from the order's "),
                        col("_o_currency"))),
                fx.reason(day));
        Column kind = CrossFileRules.anyOf(
                when(unknown, lit("unknown order")),
                when(otherCurrency, lit("currency differs from the order's")),
                fx.kind(day));
        Dataset<Row> checked = rules.rejectWhere(joined, "refunds", reason, kind, fx.firstColumn());

        StructType in = checked.schema();
        int orderId = in.fieldIndex("order_id");
        StructType out = in.add("_over", DataTypes.StringType);
        Dataset<Row> capped = checked
                .groupByKey((MapFunction<Row, String>) r -> r.getString(orderId), Encoders.STRING())
                .flatMapGroups(new RefundCap(in.fieldIndex("refund_ts"), in.fieldIndex("refund_id"),
                        in.fieldIndex("amount"), in.fieldIndex("_o_gross"), in.fieldIndex("_o_discount")),
                        Encoders.row(out));
        return rules.rejectWhere(capped, "refunds", col("_over"), lit("refunds above the order's NMA"),
                "_over", "_o_id", "_o_currency", "_o_gross", "_o_discount");
    }
}
