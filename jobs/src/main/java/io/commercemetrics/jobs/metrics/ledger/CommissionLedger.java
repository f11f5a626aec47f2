package io.commercemetrics.jobs.metrics.ledger;

import io.commercemetrics.jobs.metrics.MetricQueries;
import io.commercemetrics.jobs.spark.Materialized;
import io.commercemetrics.schemas.FieldType;
import io.commercemetrics.schemas.MetricTables;
import io.commercemetrics.schemas.SparkSchemas;
import io.commercemetrics.schemas.export.CurrencyUnits;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * commission_lines and commission_reversals: one {@link OrderCommission} per credited order, run
 * where the order's facts are (a flatMap over one row per order with its lines, refunds and chain).
 */
public final class CommissionLedger {

    private static final Logger LOG = LoggerFactory.getLogger(CommissionLedger.class);

    private final SparkSession spark;
    private final CommissionRules rules;
    private final LocalDate dataEnd;

    public CommissionLedger(SparkSession spark, CommissionRules rules, LocalDate dataEnd) {
        this.spark = spark;
        this.rules = rules;
        this.dataEnd = dataEnd;
    }

    /** The two tables, in their MetricTables shape. */
    public record Entries(Dataset<Row> lines, Dataset<Row> reversals) {
    }

    /** Reads the view {@code ledger_order_attribution} besides the raw views. */
    public Entries compute() {
        Dataset<Row> facts = Materialized.of(MetricQueries.run(spark, "commission_lines_facts",
                Map.of("data_end", dataEnd, "levels", rules.maxLevels())));
        warnAboutOrdersBeforeEveryVersion(facts);
        CommissionRules rules = this.rules;
        Dataset<Row> lines = facts.flatMap((FlatMapFunction<Row, Row>) order -> linesOf(order, rules).iterator(),
                Encoders.row(SparkSchemas.toStructType(MetricTables.COMMISSION_LINES)));
        Dataset<Row> reversals = facts.flatMap(
                (FlatMapFunction<Row, Row>) order -> reversalsOf(order, rules).iterator(),
                Encoders.row(SparkSchemas.toStructType(MetricTables.COMMISSION_REVERSALS)));
        return new Entries(lines, reversals);
    }

    private void warnAboutOrdersBeforeEveryVersion(Dataset<Row> facts) {
        LocalDate first = rules.firstEffectiveDate();
        List<Row> early = facts.filter(facts.col("accrual_date").lt(first)).select("order_id").limit(6)
                .collectAsList();
        if (!early.isEmpty()) {
            LOG.warn("Orders placed before the first commission rule version ({}) earn no commission: {}{}",
                    first, early.stream().limit(5).map(r -> r.getString(0)).toList(),
                    early.size() > 5 ? " and more" : "");
        }
    }

    static List<Row> linesOf(Row order, CommissionRules rules) {
        String orderId = order.getAs("order_id");
        String currency = order.getAs("currency");
        LocalDate accrual = order.getAs("accrual_date");
        BigDecimal nma = nma(order);
        List<Row> rows = new ArrayList<>();
        for (OrderCommission.LevelCommission level : commission(order, rules).levels(rules)) {
            BigDecimal rate = level.rate() == null ? null
                    : level.rate().setScale(FieldType.RATIO_SCALE, RoundingMode.HALF_UP);
            rows.add(RowFactory.create(orderId, level.level(), level.sharerId(), level.shareId(), currency,
                    money(nma, currency), rate, level.ruleVersion(), money(level.commission(), currency),
                    accrual, level.lockDate()));
        }
        return rows;
    }

    static List<Row> reversalsOf(Row order, CommissionRules rules) {
        String orderId = order.getAs("order_id");
        String currency = order.getAs("currency");
        OrderCommission commission = commission(order, rules);
        List<OrderCommission.Refund> refunds = new ArrayList<>();
        for (Row refund : list(order, "refunds")) {
            refunds.add(new OrderCommission.Refund(refund.getAs("refund_id"), (Instant) refund.getAs("refund_ts"),
                    refund.getAs("refund_date"), refund.getAs("amount")));
        }
        List<Row> rows = new ArrayList<>();
        for (OrderCommission.Reversal reversal : commission.reversals(commission.levels(rules), refunds)) {
            rows.add(RowFactory.create(reversal.refundId(), orderId, reversal.level(), reversal.sharerId(), currency,
                    money(reversal.amount(), currency), reversal.reversalDate(), reversal.afterLock()));
        }
        return rows;
    }

    /** A self-referral under {@code exclude} earns nothing at any level: it gets an empty chain. */
    private static OrderCommission commission(Row order, CommissionRules rules) {
        boolean excluded = rules.excludeSelfReferral() && Boolean.TRUE.equals(order.getAs("self_referral"));
        List<OrderCommission.ChainLevel> chain = new ArrayList<>();
        if (!excluded) {
            for (Row level : list(order, "chain")) {
                chain.add(new OrderCommission.ChainLevel(level.getAs("level"), level.getAs("sharer_id"),
                        level.getAs("level_share_id")));
            }
            chain.sort(Comparator.comparingInt(OrderCommission.ChainLevel::level));
        }
        List<OrderCommission.Line> lines = new ArrayList<>();
        for (Row line : list(order, "lines")) {
            BigDecimal quantity = BigDecimal.valueOf(((Number) line.getAs("quantity")).longValue());
            BigDecimal net = quantity.multiply(line.getAs("unit_price")).subtract(line.getAs("line_discount"));
            lines.add(new OrderCommission.Line(line.getAs("category"), net));
        }
        return new OrderCommission(order.getAs("currency"), nma(order), order.getAs("accrual_date"), lines, chain);
    }

    private static BigDecimal nma(Row order) {
        return ((BigDecimal) order.getAs("gross_amount")).subtract(order.getAs("discount_amount"));
    }

    private static List<Row> list(Row row, String field) {
        int index = row.fieldIndex(field);
        return row.isNullAt(index) ? List.of() : row.getList(index);
    }

    /** Stored at the column's scale; the value itself is already a rounded amount (or NMA, rounded once). */
    private static BigDecimal money(BigDecimal amount, String currency) {
        return CurrencyUnits.round(amount, currency).setScale(FieldType.MONEY_SCALE);
    }
}
