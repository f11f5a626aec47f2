package io.commercemetrics.jobs.ingest;

import io.commercemetrics.schemas.export.ExportOrder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * DATA.md refunds: taking an order's refunds in (refund_ts, refund_id) order, a refund that would
 * push the running total above the order's NMA (gross - discount of its latest version) is
 * quarantined whole. A quarantined refund does not count towards the total, so a later smaller
 * one may still fit (finance would pay that one). The NMA is computed here in BigDecimal:
 * Spark's decimal(38,18) subtraction would drop the 18th place.
 * Input rows end with the order's gross and discount; output rows carry an extra last column,
 * the rejection reason or null.
 */
final class RefundCap implements FlatMapGroupsFunction<String, Row, Row> {

    private final int tsIndex;
    private final int idIndex;
    private final int amountIndex;
    private final int grossIndex;
    private final int discountIndex;

    RefundCap(int tsIndex, int idIndex, int amountIndex, int grossIndex, int discountIndex) {
        this.tsIndex = tsIndex;
        this.idIndex = idIndex;
        this.amountIndex = amountIndex;
        this.grossIndex = grossIndex;
        this.discountIndex = discountIndex;
    }

    @Override
    public Iterator<Row> call(String orderId, Iterator<Row> refunds) {
        List<Row> rows = new ArrayList<>();
        refunds.forEachRemaining(rows::add);
        rows.sort(Comparator.comparing((Row r) -> instant(r.get(tsIndex)))
                .thenComparing(r -> r.getString(idIndex), ExportOrder::byCodePoint));
        List<Row> out = new ArrayList<>(rows.size());
        BigDecimal total = BigDecimal.ZERO;
        for (Row r : rows) {
            BigDecimal nma = r.getDecimal(grossIndex).subtract(r.getDecimal(discountIndex));
            BigDecimal amount = r.getDecimal(amountIndex);
            String reason = null;
            if (total.add(amount).compareTo(nma) > 0) {
                reason = "refunds of order " + orderId + " would exceed its net merchandise amount "
                        + plain(nma) + " (already refunded " + plain(total) + ", this refund " + plain(amount) + ")";
            } else {
                total = total.add(amount);
            }
            Object[] values = new Object[r.length() + 1];
            for (int i = 0; i < r.length(); i++) {
                values[i] = r.get(i);
            }
            values[r.length()] = reason;
            out.add(RowFactory.create(values));
        }
        return out.iterator();
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    /** Sessions with the java.time API (ours) give Instant; others give java.sql.Timestamp. */
    private static java.time.Instant instant(Object value) {
        return value instanceof java.sql.Timestamp ts ? ts.toInstant() : (java.time.Instant) value;
    }
}
