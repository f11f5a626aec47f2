package io.commercemetrics.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog and the run records in PostgreSQL, as with {@code --job-repository jdbc:postgresql:...}:
 * tables committed and read at their snapshots, runs published and found. Runs where a server is
 * given (.ci/run starts one on 127.0.0.1).
 */
@EnabledIfEnvironmentVariable(named = "COMMERCE_METRICS_TEST_JDBC_URL", matches = "jdbc:postgresql:.+")
class PostgresCatalogTest {

    @TempDir
    Path dir;

    @Test
    void tablesAndRunRecordsLiveInPostgres() {
        CatalogDatabase database = new CatalogDatabase(System.getenv("COMMERCE_METRICS_TEST_JDBC_URL"),
                System.getenv().getOrDefault("COMMERCE_METRICS_TEST_JDBC_USER", "postgres"),
                System.getenv("COMMERCE_METRICS_TEST_JDBC_PASSWORD"));
        try (WarehouseCatalog catalog = WarehouseCatalog.open(database, dir.resolve("tables").toString(),
                new Configuration())) {
            long snapshot = new TableWriter(catalog).replace(WarehouseCatalogTest.ID, WarehouseCatalogTest.EVERY_TYPE,
                    List.<Object[]>of(new Object[] {"写", 1, 2L, null, null, null, null, true}));
            new RunRecords(catalog).publish(new MetricsRunRecord("pg-run", "2026-12-03T08:00:00Z", "2026-11-30", "UTC",
                    "EUR", List.of(), List.of(), Map.of("every_type", snapshot), Map.of()));
        }
        try (WarehouseCatalog again = WarehouseCatalog.open(database, dir.resolve("tables").toString(),
                new Configuration())) {
            MetricsRunRecord run = new RunRecords(again).latest().orElseThrow();
            assertThat(run.runId()).isEqualTo("pg-run");
            assertThat(new TableReader(again).read(WarehouseCatalogTest.ID, run.metricSnapshots().get("every_type"),
                    WarehouseCatalogTest.EVERY_TYPE)).singleElement().satisfies(row -> assertThat(row[0]).isEqualTo("写"));
        }
    }
}
