package io.commercemetrics.jobs.metrics.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.commercemetrics.jobs.config.ConfigLoader;
import io.commercemetrics.jobs.config.PipelineConfig;
import io.commercemetrics.jobs.metrics.MetricsContext;
import io.commercemetrics.jobs.metrics.golden.GoldenInputs;
import io.commercemetrics.jobs.spark.SharedSpark;
import io.commercemetrics.schemas.MetricTables;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data end, reporting currency and the errors of the foundations, on tiny inline inputs. */
class AnalyticsFoundationsTest {

    @TempDir
    Path caseDir;

    private SparkSession inputs(String zone, String orders, String traffic) throws IOException {
        Files.writeString(caseDir.resolve("orders.csv"), orders);
        if (traffic != null) {
            Files.writeString(caseDir.resolve("traffic.csv"), traffic);
        }
        SparkSession spark = SharedSpark.withTimeZone(ZoneId.of(zone));
        GoldenInputs.register(spark, caseDir);
        LedgerInputs.register(spark, caseDir);
        return spark;
    }

    @Test
    void dataEndIsTheAsOfElseTheLocalDateOfTheLatestOrderCancelledIncluded() throws IOException {
        SparkSession spark = inputs("Asia/Shanghai", """
                order_id,customer_id,order_ts,status,currency,gross_amount,channel
                o1,c1,2026-10-01T10:00:00+08:00,paid,CNY,10,search
                o2,c2,2026-10-03T17:00:00Z,cancelled,CNY,10,search
                """, null);
        assertThat(DataEnd.compute(spark, Optional.empty())).isEqualTo(LocalDate.parse("2026-10-04"));
        assertThat(DataEnd.compute(spark, Optional.of(LocalDate.parse("2026-10-02"))))
                .isEqualTo(LocalDate.parse("2026-10-02"));
    }

    @Test
    void reportingCurrencyIsTheConfiguredOneElseTheDatasOnlyOne() throws IOException {
        SparkSession spark = inputs("UTC", """
                order_id,customer_id,order_ts,status,currency,gross_amount,channel
                o1,c1,2026-10-01T10:00:00Z,paid,JPY,1000,search
                """, null);
        PipelineConfig defaults = ConfigLoader.defaults().load();
        assertThat(ReportingCurrency.resolve(spark, defaults)).isEqualTo("JPY");
        PipelineConfig configured = ConfigLoader.defaults().withOverrides(List.of("reporting.currency=CNY")).load();
        assertThat(ReportingCurrency.resolve(spark, configured)).isEqualTo("CNY");
    }

    @Test
    void severalCurrenciesWithoutAConfiguredOneStopWithTheirNames() throws IOException {
        SparkSession spark = inputs("UTC", """
                order_id,customer_id,order_ts,status,currency,gross_amount,channel
                o1,c1,2026-10-01T10:00:00Z,paid,USD,10,search
                """, """
                date,channel,visits,spend,currency
                2026-10-01,ads,5,3.00,EUR
                """);
        assertThatThrownBy(() -> ReportingCurrency.resolve(spark, ConfigLoader.defaults().load()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("EUR, USD");
    }

    @Test
    void anAmountWithoutAnyRateOnOrBeforeItsDateStopsTheRun() throws IOException {
        SparkSession spark = inputs("UTC", """
                order_id,customer_id,order_ts,status,currency,gross_amount,channel
                o1,c1,2026-10-01T10:00:00Z,paid,EUR,10,search
                """, null);
        Files.writeString(caseDir.resolve("fx_rates.csv"), "date,currency,rate_to_reporting\n2026-10-02,EUR,1.1\n");
        GoldenInputs.register(spark, caseDir);
        PipelineConfig config = ConfigLoader.defaults().load();
        // the root cause is what the user reads (JobFailedException); Spark may wrap it once or twice
        // depending on how many stages failed at the same time. It stops the computation of the shared
        // views (fx_daily is materialized up front) or, failing that, of traffic_cost.
        Throwable thrown = catchThrowable(() -> AnalyticsMetrics.compute(
                        new MetricsContext(spark, config, LocalDate.parse("2026-10-02"), "USD"))
                .get(MetricTables.TRAFFIC_COST).collectAsList());
        Throwable root = thrown;
        while (root != null && root.getCause() != null) {
            root = root.getCause();
        }
        assertThat(root).as("%s", thrown).hasMessageContaining("no fx rate for EUR on or before 2026-10-01");
    }

    @Test
    void moneyPerUnitRoundsTheExactQuotientOnce() {
        // 0.014999995 / 1 would be 0.015000 after Spark's 6-place cut and round up to 0.02
        assertThat(MoneyPerUnit.moneyPer(new BigDecimal("0.029999990"), 2L, "USD")).isEqualByComparingTo("0.01");
        assertThat(MoneyPerUnit.moneyPer(new BigDecimal("68.15"), 2L, "USD")).isEqualByComparingTo("34.08");
        assertThat(MoneyPerUnit.moneyPer(new BigDecimal("10"), 0L, "USD")).isNull();
        assertThat(MoneyPerUnit.moneyPer(new BigDecimal("1001"), 2L, "JPY")).isEqualByComparingTo("501");
    }
}
