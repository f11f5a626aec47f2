package io.commercemetrics.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRecordsConcurrencyTest {

    @TempDir
    Path dir;

    @Test
    void aRunPublishedWhileAnotherThreadReadsIsTheLatestAfterwards() throws Exception {
        Warehouse warehouse = new Warehouse(dir);
        try (WarehouseCatalog catalog = WarehouseCatalog.openEmbedded(warehouse)) {
            RunRecords runs = new RunRecords(catalog);
            runs.publish(record("run-a"));
            AtomicBoolean stop = new AtomicBoolean();
            CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> {
                int n = 0;
                while (!stop.get()) {
                    new RunRecords(catalog).latest().orElseThrow();
                    n++;
                }
                return n;
            });
            Thread.sleep(200);
            new RunRecords(catalog).publish(record("run-b"));
            Thread.sleep(200);
            stop.set(true);
            assertThat(reader.get()).isPositive();
            assertThat(runs.latest().orElseThrow().runId()).isEqualTo("run-b");
            assertThat(runs.all()).extracting(MetricsRunRecord::runId).containsExactly("run-b", "run-a");
        }
    }

    private static MetricsRunRecord record(String runId) {
        return new MetricsRunRecord(runId, "2026-12-03T07:00:00Z", "2026-11-30", "UTC", "EUR", List.of(), List.of(),
                Map.of(), Map.of());
    }
}
