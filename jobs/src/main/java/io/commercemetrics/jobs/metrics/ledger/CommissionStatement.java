package io.commercemetrics.jobs.metrics.ledger;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import io.commercemetrics.jobs.metrics.MetricQueries;
import io.commercemetrics.schemas.FieldType;
import io.commercemetrics.schemas.MetricTables;
import io.commercemetrics.schemas.SparkSchemas;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * commission_statement: the month amounts come from SQL; the balance carried from month to month
 * (opening, expected payout with the min_payout carry-over, closing) is a running fold per sharer
 * and currency, done here over that sharer's few month rows.
 */
public final class CommissionStatement implements Serializable {

    private static final BigDecimal ZERO = BigDecimal.ZERO;
    /** Month row columns: sharer, currency, period, accrued, released, clawback, paid, adjustment, carried. */
    private static final int ACCRUED = 3;
    private static final int CARRIED = 8;
    private static final DecimalType MONEY = DataTypes.createDecimalType(38, FieldType.MONEY_SCALE);
    private static final BigDecimal ZERO_DECIMAL = ZERO.setScale(FieldType.MONEY_SCALE);

    private final BigDecimal minPayout;
    private final YearMonth endMonth;

    public CommissionStatement(BigDecimal minPayout, LocalDate dataEnd) {
        this.minPayout = minPayout;
        this.endMonth = YearMonth.from(dataEnd);
    }

    /**
     * Reads the views {@code ledger_commission_lines}, {@code ledger_commission_reversals},
     * {@code ledger_payouts}. The closed months' rows are the frozen ones; the first open month opens
     * with their closing balance and carries the adjustments posted to it in its payable.
     */
    public Dataset<Row> compute(SparkSession spark, LocalDate dataEnd, ClosedBooks closed, Dataset<Row> adjustments) {
        Dataset<Row> months = MetricQueries.run(spark, "commission_statement_events",
                Map.of("data_end", dataEnd, "end_month", endMonth.toString()))
                .withColumn("adjustment", zero("adjustment")).withColumn("carried", zero("carried"));
        YearMonth closedThrough = closed.closedThrough();
        if (closed.any()) {
            months = withClosedMonths(months, closed, adjustments);
        }
        CommissionStatement statement = this;
        Dataset<Row> open = months
                .groupByKey((MapFunction<Row, String>) r -> r.getString(0) + '\u0000' + r.getString(1),
                        Encoders.STRING())
                .flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) (key, rows) -> statement.fold(rows,
                                closedThrough),
                        Encoders.row(SparkSchemas.toStructType(MetricTables.COMMISSION_STATEMENT)));
        return closed.any() ? closed.closedRows(closed.statement(), "period").unionByName(open) : open;
    }

    /**
     * Adds, per sharer and currency, the adjustments posted to the first open month (its
     * {@code adjustment}) and the closing balance of the latest closed month ({@code carried}).
     */
    private static Dataset<Row> withClosedMonths(Dataset<Row> months, ClosedBooks closed, Dataset<Row> adjustments) {
        String firstOpen = closed.firstOpen().toString();
        Dataset<Row> posted = adjustments.filter(col("posted_month").equalTo(firstOpen))
                .groupBy("sharer_id", "currency").agg(sum("amount").as("adjustment"))
                .select(col("sharer_id"), col("currency"), lit(firstOpen).as("period"), zero("accrued"),
                        zero("released"), zero("clawback"), zero("paid"),
                        col("adjustment").cast(MONEY).as("adjustment"), zero("carried"));
        Dataset<Row> carried = closed.statement().filter(col("period").equalTo(closed.closedThrough().toString()))
                .select(col("sharer_id"), col("currency"), col("period"), zero("accrued"), zero("released"),
                        zero("clawback"), zero("paid"), zero("adjustment"),
                        col("closing_balance").cast(MONEY).as("carried"));
        return months.unionByName(posted).unionByName(carried);
    }

    /**
     * One sharer and currency: months from their first amount through the data end's month; with
     * closed months, from the first open month on, opening with the balance the last closed month
     * carried.
     */
    Iterator<Row> fold(Iterator<Row> monthRows, YearMonth closedThrough) {
        // a month may have several rows (its events, the adjustments posted to it, a carried balance)
        TreeMap<YearMonth, BigDecimal[]> byMonth = new TreeMap<>();
        String sharer = null;
        String currency = null;
        while (monthRows.hasNext()) {
            Row row = monthRows.next();
            sharer = row.getString(0);
            currency = row.getString(1);
            BigDecimal[] sums = byMonth.computeIfAbsent(YearMonth.parse(row.getString(2)),
                    m -> new BigDecimal[] {ZERO, ZERO, ZERO, ZERO, ZERO, ZERO});
            for (int i = 0; i < sums.length; i++) {
                sums[i] = row.isNullAt(ACCRUED + i) ? sums[i] : sums[i].add(row.getDecimal(ACCRUED + i));
            }
        }
        List<Row> result = new ArrayList<>();
        BigDecimal opening = ZERO;
        YearMonth first = byMonth.firstKey();
        if (closedThrough != null && !first.isAfter(closedThrough)) {
            opening = amount(byMonth.get(closedThrough), CARRIED);
            first = closedThrough.plusMonths(1);
        }
        for (YearMonth month = first; !month.isAfter(endMonth); month = month.plusMonths(1)) {
            BigDecimal[] amounts = byMonth.get(month);
            BigDecimal accrued = amount(amounts, ACCRUED);
            BigDecimal released = amount(amounts, ACCRUED + 1);
            BigDecimal clawback = amount(amounts, ACCRUED + 2);
            BigDecimal paid = amount(amounts, ACCRUED + 3);
            BigDecimal payable = released.subtract(clawback).add(amount(amounts, ACCRUED + 4));
            BigDecimal owed = opening.add(payable);
            // below min_payout (or nothing owed) the balance carries over to the next month
            BigDecimal expected = owed.signum() > 0 && owed.compareTo(minPayout) >= 0 ? owed : ZERO;
            BigDecimal closing = owed.subtract(paid);
            List<BigDecimal> values = List.of(opening, accrued, released, clawback, payable, expected, paid, closing);
            if (values.stream().anyMatch(v -> v.signum() != 0)) {
                Object[] cells = new Object[3 + values.size()];
                cells[0] = month.toString();
                cells[1] = sharer;
                cells[2] = currency;
                for (int i = 0; i < values.size(); i++) {
                    cells[3 + i] = values.get(i).setScale(FieldType.MONEY_SCALE);
                }
                result.add(RowFactory.create(cells));
            }
            opening = closing;
        }
        return result.iterator();
    }

    private static Column zero(String name) {
        return lit(ZERO_DECIMAL).cast(MONEY).as(name);
    }

    private static BigDecimal amount(BigDecimal[] sums, int column) {
        return sums == null ? ZERO : sums[column - ACCRUED];
    }
}
