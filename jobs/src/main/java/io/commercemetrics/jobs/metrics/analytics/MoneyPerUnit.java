package io.commercemetrics.jobs.metrics.analytics;

import io.commercemetrics.schemas.FieldType;
import io.commercemetrics.schemas.export.CurrencyUnits;
import java.math.BigDecimal;
import java.math.MathContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.types.DataTypes;

/**
 * SQL function {@code money_per(amount, count, currency)}: an exact amount divided by a count and
 * rounded once, half-up, to the currency's minor unit (cac, cost_per_order); null when the count is
 * 0. Spark's own decimal division would cut the quotient to 6 places first and so round twice.
 */
public final class MoneyPerUnit {

    private MoneyPerUnit() {
    }

    public static void register(SparkSession spark) {
        if (spark.catalog().functionExists("money_per")) {
            return;
        }
        spark.udf().register("money_per", (UDF3<BigDecimal, Long, String, BigDecimal>) MoneyPerUnit::moneyPer,
                DataTypes.createDecimalType(FieldType.MONEY_PRECISION, FieldType.MONEY_SCALE));
    }

    public static BigDecimal moneyPer(BigDecimal amount, Long count, String currency) {
        if (amount == null || count == null || count == 0) {
            return null;
        }
        // 34 significant digits keep far more places than any minor unit before the one rounding
        BigDecimal exact = amount.divide(BigDecimal.valueOf(count), MathContext.DECIMAL128);
        return CurrencyUnits.round(exact, currency);
    }
}
