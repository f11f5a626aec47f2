package io.commercemetrics.jobs.metrics.analytics;

import java.time.LocalDate;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * METRICS.md "Data end": the {@code --as-of} date when given, else the local date (session time
 * zone = reporting zone) of the latest {@code order_ts} among the winning versions of all orders,
 * cancelled ones included.
 */
public final class DataEnd {

    public static final String NO_ORDERS =
            "the warehouse has no orders, so the data end cannot be derived: run ingest first, or give --as-of";

    private DataEnd() {
    }

    public static LocalDate compute(SparkSession spark, Optional<LocalDate> asOf) {
        if (asOf.isPresent()) {
            return asOf.get();
        }
        Row latest = spark.sql("SELECT max(to_date(order_ts)) FROM orders").first();
        if (latest.isNullAt(0)) {
            throw new IllegalStateException(NO_ORDERS);
        }
        Object value = latest.get(0);
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
