package io.commercemetrics.jobs.metrics;

import io.commercemetrics.schemas.FieldType;
import io.commercemetrics.schemas.export.CurrencyUnits;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;

/**
 * SQL functions for the two roundings of METRICS.md, computed with BigDecimal so that Spark's
 * decimal precision rules (which cut scale to 6 on wide products and divisions) never round twice:
 * <ul>
 *   <li>{@code ratio(numerator, denominator)}: exact quotient rounded half-up once to 6 places,
 *       null when the denominator is 0 or null;</li>
 *   <li>{@code round_money(amount, currency)}: half-up once to the currency's minor unit.</li>
 * </ul>
 */
public final class MetricFunctions {

    private MetricFunctions() {
    }

    /** Registers the functions once per session; a second call is a no-op. */
    public static void register(SparkSession spark) {
        if (spark.catalog().functionExists("ratio") && spark.catalog().functionExists("round_money")) {
            return;
        }
        spark.udf().register("ratio", (UDF2<Object, Object, BigDecimal>) MetricFunctions::ratio,
                DataTypes.createDecimalType(FieldType.RATIO_PRECISION, FieldType.RATIO_SCALE));
        spark.udf().register("round_money", (UDF2<BigDecimal, String, BigDecimal>) MetricFunctions::roundMoney,
                DataTypes.createDecimalType(FieldType.MONEY_PRECISION, FieldType.MONEY_SCALE));
    }

    public static BigDecimal ratio(Object numerator, Object denominator) {
        BigDecimal den = decimal(denominator);
        BigDecimal num = decimal(numerator);
        if (num == null || den == null || den.signum() == 0) {
            return null;
        }
        return num.divide(den, FieldType.RATIO_SCALE, RoundingMode.HALF_UP);
    }

    public static BigDecimal roundMoney(BigDecimal amount, String currency) {
        return amount == null ? null : CurrencyUnits.round(amount, currency);
    }

    private static BigDecimal decimal(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        throw new IllegalArgumentException("ratio() takes integers or decimals, got " + value.getClass());
    }
}
