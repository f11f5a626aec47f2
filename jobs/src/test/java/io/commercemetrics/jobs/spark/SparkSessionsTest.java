package io.commercemetrics.jobs.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class SparkSessionsTest {

    @Test
    void localDatesFollowTheReportingTimeZone() {
        SparkSession spark = SharedSpark.withTimeZone(ZoneId.of("Asia/Shanghai"));
        List<Row> rows = spark.sql(
                "SELECT cast(to_date(TIMESTAMP'2026-10-03 17:30:00+00:00') AS STRING) AS d").collectAsList();
        assertThat(rows.get(0).getString(0)).isEqualTo("2026-10-04");
        SharedSpark.withTimeZone(ZoneId.of("UTC"));
    }
}
