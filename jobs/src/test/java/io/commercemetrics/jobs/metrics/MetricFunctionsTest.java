package io.commercemetrics.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercemetrics.jobs.spark.SharedSpark;
import java.math.BigDecimal;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class MetricFunctionsTest {

    @Test
    void ratioRoundsOnceHalfUpAndIsNullOnZero() {
        assertThat(MetricFunctions.ratio(1L, 16L)).isEqualByComparingTo("0.062500");
        assertThat(MetricFunctions.ratio(2L, 3L)).isEqualByComparingTo("0.666667");
        // 1/8000000 = 0.000000125 -> 0.000000 at 6 places
        assertThat(MetricFunctions.ratio(1L, 8_000_000L)).isEqualByComparingTo("0");
        assertThat(MetricFunctions.ratio(5L, 0L)).isNull();
        assertThat(MetricFunctions.ratio(new BigDecimal("10.00"), new BigDecimal("3"))).isEqualByComparingTo("3.333333");
    }

    @Test
    void sqlFunctionsAreRegistered() {
        var spark = SharedSpark.session();
        MetricFunctions.register(spark);
        Row row = spark.sql("SELECT ratio(1, 16), ratio(count(*), 0), round_money(CAST(2.675 AS DECIMAL(38,18)), 'CNY'),"
                + " round_money(CAST(-0.5 AS DECIMAL(38,18)), 'JPY') FROM range(1)").first();
        assertThat(row.getDecimal(0)).isEqualByComparingTo("0.0625");
        assertThat(row.isNullAt(1)).isTrue();
        assertThat(row.getDecimal(2)).isEqualByComparingTo("2.68");
        assertThat(row.getDecimal(3)).isEqualByComparingTo("-1");
    }
}
