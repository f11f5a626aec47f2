package io.commercemetrics.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commercemetrics.jobs.spark.SharedSpark;
import io.commercemetrics.jobs.warehouse.Warehouse;
import io.commercemetrics.reports.parquet.MetricTableReader;
import io.commercemetrics.schemas.MetricTables;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricTableWriterTest {

    @TempDir
    Path dir;

    @Test
    void whatSparkWritesTheReportsReadBackExactlyAndARerunReplacesIt() {
        SparkSession spark = SharedSpark.session();
        Warehouse warehouse = new Warehouse(dir);
        Dataset<Row> lines = spark.sql("""
                SELECT 'o1' AS order_id, 1 AS level, 's1' AS sharer_id, 'sh1' AS share_id, 'CNY' AS currency,
                       CAST('123.456789' AS DECIMAL(38,18)) AS base, CAST(0.1 AS DECIMAL(20,6)) AS rate,
                       'default' AS rule_version, CAST('12.35' AS DECIMAL(38,18)) AS commission,
                       DATE'2026-10-03' AS accrual_date, DATE'2026-10-18' AS lock_date""");

        assertThat(new MetricTableWriter(warehouse, "r1").write(MetricTables.COMMISSION_LINES, lines)).isEqualTo(1);
        List<Object[]> read = MetricTableReader.read(warehouse.metric("commission_lines"), MetricTables.COMMISSION_LINES);
        assertThat(read).hasSize(1);
        assertThat(read.get(0)).containsExactly("o1", 1, "s1", "sh1", "CNY", new BigDecimal("123.456789000000000000"),
                new BigDecimal("0.100000"), "default", new BigDecimal("12.350000000000000000"),
                LocalDate.of(2026, 10, 3), LocalDate.of(2026, 10, 18));

        Dataset<Row> attribution = spark.sql("""
                SELECT 'o9' AS order_id, 'c9' AS customer_id, TIMESTAMP'2026-10-03 13:15:00.25+00:00' AS order_ts,
                       'none' AS method, NULL AS share_id, NULL AS click_id, NULL AS sharer_id, false AS self_referral
                UNION ALL
                SELECT 'o8', 'c8', TIMESTAMP'2026-10-04 00:00:00+00:00', 'none', NULL, NULL, NULL, false""");
        new MetricTableWriter(warehouse, "r2").write(MetricTables.ORDER_ATTRIBUTION, attribution);
        new MetricTableWriter(warehouse, "r3").write(MetricTables.ORDER_ATTRIBUTION, attribution.limit(1));
        List<Object[]> rerun = MetricTableReader.read(warehouse.metric("order_attribution"),
                MetricTables.ORDER_ATTRIBUTION);
        assertThat(rerun).hasSize(1);
        assertThat(rerun.get(0)[2]).isIn(Instant.parse("2026-10-03T13:15:00.250Z"), Instant.parse("2026-10-04T00:00:00Z"));
        assertThat(warehouse.metrics().toFile().list()).containsExactlyInAnyOrder("commission_lines", "order_attribution");
    }

    @Test
    void aTableWithOtherColumnsThanTheContractIsRefused() {
        Dataset<Row> wrong = SharedSpark.session().sql("SELECT 'x' AS period, 1 AS sharer");
        assertThatThrownBy(() -> new MetricTableWriter(new Warehouse(dir), "r").write(MetricTables.RECONCILIATION, wrong))
                .hasMessageContaining("reconciliation has columns [period, sharer]");
        assertThat(Files.exists(dir.resolve("metrics").resolve("reconciliation"))).isFalse();
    }
}
