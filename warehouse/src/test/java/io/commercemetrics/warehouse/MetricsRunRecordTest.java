package io.commercemetrics.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsRunRecordTest {

    @Test
    void anInputFileCarriesTheIngestCountsThroughJson() {
        MetricsRunRecord run = new MetricsRunRecord("r2", "2026-11-04T01:02:03Z", "2026-11-03", "UTC", "CNY",
                List.of("default"), List.of(new MetricsRunRecord.InputFile("orders", "/data/orders.csv", 2799L, 4532L,
                        4525L, 7L, 1726L)), null, null);

        MetricsRunRecord read = MetricsRunRecord.fromJson(run.toJson());

        assertThat(read.inputs()).containsExactly(run.inputs().get(0));
        assertThat(run.toJson()).contains("\"read\" : 4532").contains("\"superseded\" : 1726");
    }

    /** A record written before the counts existed still reads: the counts it lacks are null, not 0. */
    @Test
    void aRecordWithoutTheCountsReadsThemAsNull() {
        MetricsRunRecord read = MetricsRunRecord.fromJson("""
                {"run_id": "r1", "computed_at": "2026-11-04T01:02:03Z", "data_end": "2026-11-03",
                 "reporting_time_zone": "UTC", "reporting_currency": "CNY", "rule_versions": ["default"],
                 "inputs": [{"source": "orders", "file": "orders.csv", "rows": 1234}],
                 "metric_snapshots": {}, "raw_snapshots": {}}
                """);

        assertThat(read.inputs()).containsExactly(new MetricsRunRecord.InputFile("orders", "orders.csv", 1234));
        assertThat(read.inputs().get(0).read()).isNull();
        assertThat(read.inputs().get(0).superseded()).isNull();
    }
}
