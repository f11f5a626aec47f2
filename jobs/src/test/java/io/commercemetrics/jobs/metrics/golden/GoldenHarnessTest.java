package io.commercemetrics.jobs.metrics.golden;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercemetrics.jobs.spark.SharedSpark;
import io.commercemetrics.schemas.MetricTables;
import io.commercemetrics.schemas.export.ExportFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness itself: inputs come in typed with defaults, outputs are compared in export form. */
class GoldenHarnessTest {

    @TempDir
    Path caseDir;

    @Test
    void inputsAreTypedWithDefaultsAndOutputsRenderAsTheExport() throws IOException {
        Files.writeString(caseDir.resolve("orders.csv"), """
                order_id,customer_id,order_ts,status,currency,gross_amount,channel
                o1,c1,2026-10-03T21:15:00+08:00,paid,CNY,100.005,search
                """);
        SparkSession spark = SharedSpark.withTimeZone(ZoneId.of("Asia/Shanghai"));
        GoldenInputs.register(spark, caseDir);

        Row order = spark.sql("SELECT discount_amount, cast(to_date(order_ts) AS STRING), _source_file FROM orders")
                .first();
        assertThat(order.getDecimal(0)).isEqualByComparingTo("0");
        assertThat(order.getString(1)).isEqualTo("2026-10-03");
        assertThat(order.getString(2)).isEqualTo("orders.csv");
        assertThat(spark.table("refunds").count()).isZero();

        Dataset<Row> attribution = spark.sql("""
                SELECT order_id, customer_id, order_ts, 'none' AS method, CAST(NULL AS STRING) AS share_id,
                       CAST(NULL AS STRING) AS click_id, CAST(NULL AS STRING) AS sharer_id, false AS self_referral
                FROM orders""");
        assertThat(GoldenTables.toCsv(MetricTables.ORDER_ATTRIBUTION, attribution,
                new ExportFormat(ZoneId.of("Asia/Shanghai"), "CNY")))
                .isEqualTo("""
                        order_id,customer_id,order_ts,method,share_id,click_id,sharer_id,self_referral
                        o1,c1,2026-10-03T21:15:00+08:00,none,,,,false
                        """);
        SharedSpark.withTimeZone(ZoneId.of("UTC"));
    }
}
