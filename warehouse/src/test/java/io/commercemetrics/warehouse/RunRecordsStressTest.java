package io.commercemetrics.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRecordsStressTest {

    @TempDir
    Path dir;

    @Test
    void everyPublishedRunIsReadBackAsLatestAcrossOpensAndCloses() throws Exception {
        Warehouse warehouse = new Warehouse(dir);
        AtomicBoolean stop = new AtomicBoolean();
        CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> {
            int n = 0;
            while (!stop.get()) {
                try (WarehouseCatalog catalog = open(warehouse)) {
                    new RunRecords(catalog).latest();
                }
                n++;
            }
            return n;
        });
        for (int i = 0; i < 40; i++) {
            try (WarehouseCatalog catalog = open(warehouse)) {
                new RunRecords(catalog).publish(record("run-" + i));
            }
            try (WarehouseCatalog catalog = open(warehouse)) {
                assertThat(new RunRecords(catalog).latest().orElseThrow().runId()).as("after " + i).isEqualTo("run-" + i);
            }
        }
        stop.set(true);
        assertThat(reader.get()).isPositive();
    }

    private static WarehouseCatalog open(Warehouse warehouse) {
        return WarehouseCatalog.openEmbedded(warehouse);
    }

    private static MetricsRunRecord record(String runId) {
        return new MetricsRunRecord(runId, "2026-12-03T07:00:00Z", "2026-11-30", "UTC", "EUR", List.of(), List.of(),
                Map.of(), Map.of());
    }
}
