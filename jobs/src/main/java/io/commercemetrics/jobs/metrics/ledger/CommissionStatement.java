package io.commercemetrics.jobs.metrics.ledger;

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
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * commission_statement: the month amounts come from SQL; the balance carried from month to month
 * (opening, expected payout with the min_payout carry-over, closing) is a running fold per sharer
 * and currency, done here over that sharer's few month rows.
 */
public final class CommissionStatement implements Serializable {

    private static final BigDecimal ZERO = BigDecimal.ZERO;

    private final BigDecimal minPayout;
    private final YearMonth endMonth;

    public CommissionStatement(BigDecimal minPayout, LocalDate dataEnd) {
        this.minPayout = minPayout;
        this.endMonth = YearMonth.from(dataEnd);
    }

    /** Reads the views {@code ledger_commission_lines}, {@code ledger_commission_reversals}, {@code payouts}. */
    public Dataset<Row> compute(SparkSession spark, LocalDate dataEnd) {
        Dataset<Row> months = MetricQueries.run(spark, "commission_statement_events",
                Map.of("data_end", dataEnd, "end_month", endMonth.toString()));
        CommissionStatement statement = this;
        return months
                .groupByKey((MapFunction<Row, String>) r -> r.getString(0) + '\u0000' + r.getString(1),
                        Encoders.STRING())
                .flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) (key, rows) -> statement.fold(rows),
                        Encoders.row(SparkSchemas.toStructType(MetricTables.COMMISSION_STATEMENT)));
    }

    /** One sharer and currency: months from their first amount through the data end's month. */
    Iterator<Row> fold(Iterator<Row> monthRows) {
        TreeMap<YearMonth, Row> byMonth = new TreeMap<>();
        String sharer = null;
        String currency = null;
        while (monthRows.hasNext()) {
            Row row = monthRows.next();
            sharer = row.getString(0);
            currency = row.getString(1);
            byMonth.put(YearMonth.parse(row.getString(2)), row);
        }
        List<Row> result = new ArrayList<>();
        BigDecimal opening = ZERO;
        for (YearMonth month = byMonth.firstKey(); !month.isAfter(endMonth); month = month.plusMonths(1)) {
            Row amounts = byMonth.get(month);
            BigDecimal accrued = amount(amounts, 3);
            BigDecimal released = amount(amounts, 4);
            BigDecimal clawback = amount(amounts, 5);
            BigDecimal paid = amount(amounts, 6);
            BigDecimal payable = released.subtract(clawback);
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

    private static BigDecimal amount(Row row, int index) {
        return row == null || row.isNullAt(index) ? ZERO : row.getDecimal(index);
    }
}
