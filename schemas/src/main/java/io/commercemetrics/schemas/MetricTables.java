package io.commercemetrics.schemas;

import static io.commercemetrics.schemas.FieldType.BOOLEAN;
import static io.commercemetrics.schemas.FieldType.DATE;
import static io.commercemetrics.schemas.FieldType.DECIMAL;
import static io.commercemetrics.schemas.FieldType.INT;
import static io.commercemetrics.schemas.FieldType.LONG;
import static io.commercemetrics.schemas.FieldType.RATIO;
import static io.commercemetrics.schemas.FieldType.STRING;
import static io.commercemetrics.schemas.FieldType.TIMESTAMP;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The metric tables of {@code docs/metrics.md} (checked by SpecContractTest): column names and order are
 * the export contract.
 * Money columns are {@link FieldType#DECIMAL}: in the row's {@code currency} where the table has
 * one (the ledger), else in the reporting currency. Ratios are {@link FieldType#RATIO}.
 */
public final class MetricTables {

    public static final TableSchema REPURCHASE_COHORT = table("repurchase_cohort", List.of(),
            col("cohort_month", STRING), col("acquisition_group", STRING), col("window_days", INT),
            col("customers", LONG), col("repurchased", LONG), col("rate", RATIO), col("complete", BOOLEAN));

    public static final TableSchema REPEAT_RATE = table("repeat_rate", List.of(),
            col("period_type", STRING), col("period", STRING), col("acquisition_group", STRING),
            col("customers", LONG), col("repeat_customers", LONG), col("rate", RATIO));

    public static final TableSchema COHORT_RETENTION = table("cohort_retention", List.of(),
            col("cohort_month", STRING), col("acquisition_group", STRING), col("month_offset", INT),
            col("cohort_size", LONG), col("active_customers", LONG), col("rate", RATIO));

    public static final TableSchema ORDER_ATTRIBUTION = table("order_attribution", List.of("order_id"),
            col("order_id", STRING), col("customer_id", STRING), col("order_ts", TIMESTAMP),
            col("method", STRING), col("share_id", STRING), col("click_id", STRING),
            col("sharer_id", STRING), col("self_referral", BOOLEAN));

    public static final TableSchema COMMISSION_LINES = table("commission_lines", List.of("order_id", "level"),
            col("order_id", STRING), col("level", INT), col("sharer_id", STRING), col("share_id", STRING),
            col("currency", STRING), col("base", DECIMAL), col("rate", RATIO), col("rule_version", STRING),
            col("commission", DECIMAL), col("accrual_date", DATE), col("lock_date", DATE));

    public static final TableSchema COMMISSION_REVERSALS = table("commission_reversals",
            List.of("refund_id", "level"),
            col("refund_id", STRING), col("order_id", STRING), col("level", INT), col("sharer_id", STRING),
            col("currency", STRING), col("amount", DECIMAL), col("reversal_date", DATE),
            col("after_lock", BOOLEAN));

    public static final TableSchema COMMISSION_STATEMENT = table("commission_statement",
            List.of("period", "sharer_id", "currency"),
            col("period", STRING), col("sharer_id", STRING), col("currency", STRING),
            col("opening_balance", DECIMAL), col("accrued", DECIMAL), col("released", DECIMAL),
            col("clawback", DECIMAL), col("payable", DECIMAL), col("expected_payout", DECIMAL),
            col("paid", DECIMAL), col("closing_balance", DECIMAL));

    public static final TableSchema RECONCILIATION = table("reconciliation",
            List.of("period", "sharer_id", "currency"),
            col("period", STRING), col("sharer_id", STRING), col("currency", STRING),
            col("expected_payout", DECIMAL), col("paid", DECIMAL), col("difference", DECIMAL),
            col("status", STRING), col("payout_ids", STRING));

    /**
     * Amounts that a computation after a period close would change in a closed month, posted to the
     * first open month instead (docs/metrics.md, "Closed months and adjustments").
     */
    public static final TableSchema COMMISSION_ADJUSTMENTS = table("commission_adjustments",
            List.of("posted_month", "sharer_id", "currency", "closed_month", "order_id", "refund_id", "cause"),
            col("posted_month", STRING), col("sharer_id", STRING), col("currency", STRING),
            col("closed_month", STRING), col("order_id", STRING), col("refund_id", STRING),
            col("cause", STRING), col("amount", DECIMAL));

    public static final TableSchema TRAFFIC_COST = table("traffic_cost", List.of(),
            col("period_type", STRING), col("period", STRING), col("channel", STRING),
            col("channel_group", STRING), col("visits", LONG), col("share_clicks", LONG),
            col("spend", DECIMAL), col("commissions", DECIMAL), col("cost", DECIMAL), col("orders", LONG),
            col("revenue", DECIMAL), col("new_customers", LONG), col("conversion_rate", RATIO),
            col("cac", DECIMAL), col("cost_per_order", DECIMAL), col("roas", RATIO));

    public static final TableSchema SOCIAL_SPREAD = table("social_spread", List.of(),
            col("period_type", STRING), col("period", STRING), col("active_sharers", LONG),
            col("shares", LONG), col("reshares", LONG), col("share_clicks", LONG),
            col("attributed_orders", LONG), col("orders_per_sharer", RATIO), col("click_conversion", RATIO),
            col("max_depth", INT), col("new_customers_via_share", LONG));

    public static final TableSchema VIRAL_COEFFICIENT = table("viral_coefficient", List.of("cohort_month"),
            col("cohort_month", STRING), col("cohort_size", LONG), col("referred_new_customers", LONG),
            col("k_factor", RATIO));

    public static final TableSchema REVIEW_SUMMARY = table("review_summary", List.of(),
            col("period_type", STRING), col("period", STRING), col("channel_group", STRING),
            col("category", STRING), col("orders", LONG), col("reviewed_orders", LONG),
            col("review_rate", RATIO), col("reviews", LONG), col("avg_rating", RATIO),
            col("rating_1", LONG), col("rating_2", LONG), col("rating_3", LONG), col("rating_4", LONG),
            col("rating_5", LONG), col("low_share", RATIO));

    public static final TableSchema TRUST_EFFECT = table("trust_effect", List.of(),
            col("cohort_month", STRING), col("acquisition_group", STRING), col("first_review", STRING),
            col("customers", LONG), col("repurchased_90d", LONG), col("rate", RATIO));

    /** Every metric table in METRICS.md order. */
    public static final List<TableSchema> ALL = List.of(
            REPURCHASE_COHORT, REPEAT_RATE, COHORT_RETENTION, ORDER_ATTRIBUTION, COMMISSION_LINES,
            COMMISSION_REVERSALS, COMMISSION_STATEMENT, RECONCILIATION, COMMISSION_ADJUSTMENTS, TRAFFIC_COST,
            SOCIAL_SPREAD, VIRAL_COEFFICIENT, REVIEW_SUMMARY, TRUST_EFFECT);

    private MetricTables() {
    }

    public static Optional<TableSchema> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** True for a money column whose currency is the row's own {@code currency} column. */
    public static boolean isRowCurrencyMoney(TableSchema table, Field field) {
        return field.type() == DECIMAL && table.field("currency").isPresent();
    }

    private static Field col(String name, FieldType type) {
        return Field.optional(name, type, "");
    }

    private static TableSchema table(String name, List<String> key, Field... fields) {
        return new TableSchema(name, Arrays.asList(fields), key);
    }
}
