package io.commercemetrics.jobs.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercemetrics.jobs.cli.CommerceMetricsCli;
import io.commercemetrics.jobs.spark.SparkTables;
import io.commercemetrics.schemas.MetricTables;
import io.commercemetrics.warehouse.MetricsRunRecord;
import io.commercemetrics.warehouse.RunRecords;
import io.commercemetrics.warehouse.TableIds;
import io.commercemetrics.warehouse.TableReader;
import io.commercemetrics.warehouse.WarehouseCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reader that starts while a metrics run is committing its tables sees the previous run whole
 * or the new run whole: every table of the run it reads was committed by that run. The reader
 * checks each snapshot's recorded run id, over and over, for as long as the writer runs.
 */
class ConsistentRunReaderTest {

    @TempDir
    Path dir;

    @Test
    void aReaderDuringACommitSeesOneRunWholeNeverAMix() throws Exception {
        Path inputs = Files.createDirectories(dir.resolve("in"));
        Path warehouse = dir.resolve("warehouse");
        Files.writeString(inputs.resolve("orders.csv"), TimeTravelTest.HEADER
                + "o1,c1,2026-09-03T10:00:00Z,,paid,EUR,100.00,,,,search,,,,\n"
                + "o2,c2,2026-10-10T10:00:00Z,,paid,EUR,50.00,,,,ads,,,,\n", StandardCharsets.UTF_8);
        assertThat(CommerceMetricsCli.execute("ingest", "--input", inputs.toString(), "--warehouse",
                warehouse.toString())).isZero();
        assertThat(CommerceMetricsCli.execute("metrics", "--warehouse", warehouse.toString())).isZero();
        String first = WarehouseContents.latestRun(warehouse).runId();

        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(
                () -> CommerceMetricsCli.execute("metrics", "--warehouse", warehouse.toString()));
        Set<String> seen = new LinkedHashSet<>();
        int reads = 0;
        try (WarehouseCatalog catalog = WarehouseContents.open(warehouse)) {
            RunRecords runs = new RunRecords(catalog);
            TableReader reader = new TableReader(catalog);
            do {
                MetricsRunRecord run = runs.latest().orElseThrow();
                for (Map.Entry<String, Long> table : run.metricSnapshots().entrySet()) {
                    Table iceberg = catalog.load(TableIds.metric(table.getKey())).orElseThrow();
                    Snapshot snapshot = iceberg.snapshot(table.getValue());
                    assertThat(snapshot.summary().get(SparkTables.RUN_ID_PROPERTY))
                            .as("%s of the run read, %s", table.getKey(), run.runId()).isEqualTo(run.runId());
                }
                assertThat(reader.read(TableIds.metric("repeat_rate"), run.metricSnapshots().get("repeat_rate"),
                        MetricTables.REPEAT_RATE)).isNotEmpty();
                seen.add(run.runId());
                reads++;
            } while (!second.isDone());
            assertThat(second.get()).isZero();
            String latest = runs.latest().orElseThrow().runId();
            assertThat(latest).isNotEqualTo(first);
            assertThat(seen).first().isEqualTo(first);
            assertThat(seen).isSubsetOf(first, latest);
        }
        assertThat(reads).isPositive();
    }
}
