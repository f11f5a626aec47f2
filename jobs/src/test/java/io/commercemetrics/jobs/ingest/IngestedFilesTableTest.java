package io.commercemetrics.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercemetrics.jobs.cli.CommerceMetricsCli;
import io.commercemetrics.jobs.spark.SharedSpark;
import io.commercemetrics.jobs.warehouse.WarehouseContents;
import io.commercemetrics.schemas.Field;
import io.commercemetrics.warehouse.IngestTables;
import io.commercemetrics.warehouse.TableIds;
import io.commercemetrics.warehouse.TableReader;
import io.commercemetrics.warehouse.WarehouseCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry of ingested files is the warehouse's Iceberg table {@code ingest.files}: after a
 * first export, a corrected re-export at the same place and a re-export rejected whole, it names the
 * version that stands with its hash and counts, and the rejected one beside it; one snapshot per
 * ingest.
 */
class IngestedFilesTableTest {

    static final String HEADER = "order_id,customer_id,order_ts,status,currency,gross_amount,discount_amount,channel\n";

    @TempDir
    Path dir;

    @Test
    void theRegistryTableKeepsTheVersionThatStandsWithItsCountsAndTheNewestRejectedOne() throws Exception {
        SharedSpark.session();
        Path input = Files.createDirectories(dir.resolve("in"));
        Path orders = input.resolve("orders.csv");
        Path warehouse = dir.resolve("warehouse");

        String first = HEADER + "o1,c1,2026-09-03T10:00:00Z,paid,EUR,100.00,0.00,search\n"
                + "o2,c2,2026-09-10T10:00:00Z,paid,EUR,50.00,0.00,ads\n";
        Files.writeString(orders, first, StandardCharsets.UTF_8);
        assertThat(ingest(input, warehouse)).isZero();
        assertThat(registry(warehouse)).containsExactly(Map.ofEntries(
                Map.entry("source", "orders"), Map.entry("name", "orders.csv"), Map.entry("sha256", sha256(first)),
                Map.entry("rows_read", 2L), Map.entry("accepted", 2L), Map.entry("quarantined", 0L),
                Map.entry("rows_kept", 2L)));

        // a corrected re-export at the same place: three records, one with a negative amount
        String second = first + "o3,c3,2026-09-11T10:00:00Z,paid,EUR,-5.00,0.00,ads\n";
        Files.writeString(orders, second, StandardCharsets.UTF_8);
        assertThat(ingest(input, warehouse)).isZero();
        assertThat(registry(warehouse)).containsExactly(Map.ofEntries(
                Map.entry("source", "orders"), Map.entry("name", "orders.csv"), Map.entry("sha256", sha256(second)),
                Map.entry("rows_read", 3L), Map.entry("accepted", 2L), Map.entry("quarantined", 1L),
                Map.entry("rows_kept", 2L)));

        // a re-export that is not an orders export at all: rejected whole, the second version stands
        String broken = "order_id,customer_id\no1\n";
        Files.writeString(orders, broken, StandardCharsets.UTF_8);
        assertThat(ingest(input, warehouse)).isEqualTo(1);
        try (WarehouseCatalog catalog = WarehouseContents.open(warehouse)) {
            List<Object[]> rows = new TableReader(catalog).readCurrent(TableIds.FILES, IngestTables.FILES);
            assertThat(rows).hasSize(1);
            Map<String, Object> row = named(rows.get(0));
            assertThat(row).containsEntry("sha256", sha256(second)).containsEntry("rows_read", 3L)
                    .containsEntry("file", orders.toRealPath().toString())
                    .containsEntry("rejected_sha256", sha256(broken));
            assertThat((String) row.get("rejected_reason")).isNotBlank();
            assertThat(row.get("rejection")).isNull();
            assertThat(row.get("staged_at")).isNotNull();
            Table table = catalog.load(TableIds.FILES).orElseThrow();
            assertThat(table.snapshots()).as("one snapshot per ingest").hasSize(3);
        }
    }

    private static int ingest(Path input, Path warehouse) {
        return CommerceMetricsCli.execute("ingest", "--input", input.toString(), "--warehouse", warehouse.toString());
    }

    /** The registry's rows, each with the columns a user checks first. */
    private static List<Map<String, Object>> registry(Path warehouse) {
        try (WarehouseCatalog catalog = WarehouseContents.open(warehouse)) {
            return new TableReader(catalog).readCurrent(TableIds.FILES, IngestTables.FILES).stream().map(row -> {
                Map<String, Object> all = named(row);
                Map<String, Object> shown = new LinkedHashMap<>();
                for (String column : List.of("source", "name", "sha256", "rows_read", "accepted", "quarantined",
                        "rows_kept")) {
                    shown.put(column, all.get(column));
                }
                return shown;
            }).toList();
        }
    }

    private static Map<String, Object> named(Object[] row) {
        Map<String, Object> named = new LinkedHashMap<>();
        List<Field> fields = IngestTables.FILES.fields();
        for (int i = 0; i < fields.size(); i++) {
            named.put(fields.get(i).name(), row[i]);
        }
        return named;
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
