package io.commercemetrics.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commercemetrics.jobs.spark.SharedSpark;
import io.commercemetrics.jobs.spark.SparkTables;
import io.commercemetrics.jobs.warehouse.WarehouseContents;
import io.commercemetrics.schemas.MetricTables;
import io.commercemetrics.warehouse.TableIds;
import io.commercemetrics.warehouse.TableReader;
import io.commercemetrics.warehouse.WarehouseCatalog;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.iceberg.Snapshot;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Spark commits, the readers without Spark (reports, export) read back exactly, at any snapshot. */
class MetricTableWriterTest {

    @TempDir
    Path dir;

    @Test
    void whatSparkWritesTheReportsReadBackExactlyAndARerunIsANewSnapshot() {
        SparkSession spark = SharedSpark.session();
        try (WarehouseCatalog catalog = WarehouseContents.open(dir)) {
            MetricTableWriter writer = new MetricTableWriter(new SparkTables(spark, catalog, "r1"));
            TableReader reader = new TableReader(catalog);
            Dataset<Row> lines = spark.sql("""
                    SELECT 'o1' AS order_id, 1 AS level, 's1' AS sharer_id, 'sh1' AS share_id, 'CNY' AS currency,
                           CAST('123.456789' AS DECIMAL(38,18)) AS base, CAST(0.1 AS DECIMAL(20,6)) AS rate,
                           'default' AS rule_version, CAST('12.35' AS DECIMAL(38,18)) AS commission,
                           DATE'2026-10-03' AS accrual_date, DATE'2026-10-18' AS lock_date""");

            Snapshot written = writer.write(MetricTables.COMMISSION_LINES, lines);
            assertThat(SparkTables.rows(written)).isEqualTo(1);
            List<Object[]> read = reader.read(TableIds.metric("commission_lines"), written.snapshotId(),
                    MetricTables.COMMISSION_LINES);
            assertThat(read).hasSize(1);
            assertThat(read.get(0)).containsExactly("o1", 1, "s1", "sh1", "CNY",
                    new BigDecimal("123.456789000000000000"), new BigDecimal("0.100000"), "default",
                    new BigDecimal("12.350000000000000000"), LocalDate.of(2026, 10, 3), LocalDate.of(2026, 10, 18));

            Dataset<Row> attribution = spark.sql("""
                    SELECT 'o9' AS order_id, 'c9' AS customer_id, TIMESTAMP'2026-10-03 13:15:00.25+00:00' AS order_ts,
                           'none' AS method, NULL AS share_id, NULL AS click_id, NULL AS sharer_id, false AS self_referral
                    UNION ALL
                    SELECT 'o8', 'c8', TIMESTAMP'2026-10-04 00:00:00+00:00', 'none', NULL, NULL, NULL, false""");
            Snapshot first = writer.write(MetricTables.ORDER_ATTRIBUTION, attribution);
            Snapshot rerun = writer.write(MetricTables.ORDER_ATTRIBUTION, attribution.filter("order_id = 'o9'"));
            assertThat(reader.read(TableIds.metric("order_attribution"), rerun.snapshotId(),
                    MetricTables.ORDER_ATTRIBUTION)).singleElement()
                    .satisfies(row -> assertThat(row[2]).isEqualTo(Instant.parse("2026-10-03T13:15:00.250Z")));
            // the earlier run's snapshot still reads as it was
            assertThat(reader.read(TableIds.metric("order_attribution"), first.snapshotId(),
                    MetricTables.ORDER_ATTRIBUTION)).extracting(row -> row[0]).containsExactlyInAnyOrder("o9", "o8");
        }
    }

    @Test
    void aTableWithOtherColumnsThanTheContractIsRefusedAndNothingIsCommitted() {
        Dataset<Row> wrong = SharedSpark.session().sql("SELECT 'x' AS period, 1 AS sharer");
        try (WarehouseCatalog catalog = WarehouseContents.open(dir)) {
            assertThatThrownBy(() -> new MetricTableWriter(new SparkTables(SharedSpark.session(), catalog))
                    .write(MetricTables.RECONCILIATION, wrong))
                    .hasMessageContaining("has columns [period, sharer], the contract says");
            assertThat(catalog.exists(TableIds.metric("reconciliation"))).isFalse();
        }
    }
}
