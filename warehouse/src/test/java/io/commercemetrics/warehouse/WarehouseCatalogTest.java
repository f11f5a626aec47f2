package io.commercemetrics.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commercemetrics.schemas.Field;
import io.commercemetrics.schemas.FieldType;
import io.commercemetrics.schemas.TableSchema;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarehouseCatalogTest {

    static final TableSchema EVERY_TYPE = new TableSchema("every_type", List.of(
            Field.optional("text", FieldType.STRING, ""),
            Field.optional("count", FieldType.INT, ""),
            Field.optional("big", FieldType.LONG, ""),
            Field.optional("amount", FieldType.DECIMAL, ""),
            Field.optional("rate", FieldType.RATIO, ""),
            Field.optional("day", FieldType.DATE, ""),
            Field.optional("at", FieldType.TIMESTAMP, ""),
            Field.optional("flag", FieldType.BOOLEAN, "")), List.of());

    static final TableIdentifier ID = TableIdentifier.of(TableIds.METRICS, "every_type");

    @TempDir
    Path dir;

    WarehouseCatalog open() {
        return WarehouseCatalog.open(new CatalogDatabase("jdbc:h2:file:" + dir.resolve("db/catalog"), null, null),
                dir.resolve("tables").toString(), new Configuration());
    }

    @Test
    void everyContractTypeReadsBackAsWritten() {
        Object[] row = {"质量很好", 7, 9_000_000_000L, new BigDecimal("12.345"), new BigDecimal("0.333333"),
                LocalDate.of(2026, 10, 4), Instant.parse("2026-10-04T01:02:03.456789Z"), true};
        Object[] nulls = new Object[8];
        try (WarehouseCatalog catalog = open()) {
            long snapshot = new TableWriter(catalog).replace(ID, EVERY_TYPE, List.of(row, nulls));
            List<Object[]> read = new TableReader(catalog).read(ID, snapshot, EVERY_TYPE);
            assertThat(read).hasSize(2);
            assertThat(read.get(0)).containsExactly("质量很好", 7, 9_000_000_000L,
                    new BigDecimal("12.345000000000000000"), new BigDecimal("0.333333"), LocalDate.of(2026, 10, 4),
                    Instant.parse("2026-10-04T01:02:03.456789Z"), true);
            assertThat(read.get(1)).containsOnlyNulls();
        }
    }

    @Test
    void anEarlierSnapshotStillReadsAsItWasAfterTheTableIsReplaced() {
        try (WarehouseCatalog catalog = open()) {
            TableWriter writer = new TableWriter(catalog);
            long first = writer.replace(ID, EVERY_TYPE, List.<Object[]>of(row("first")));
            long second = writer.replace(ID, EVERY_TYPE, List.<Object[]>of(row("second"), row("third")));
            TableReader reader = new TableReader(catalog);
            assertThat(reader.read(ID, first, EVERY_TYPE)).extracting(r -> r[0]).containsExactly("first");
            assertThat(reader.read(ID, second, EVERY_TYPE)).extracting(r -> r[0])
                    .containsExactlyInAnyOrder("second", "third");
            assertThat(catalog.currentSnapshotId(ID)).isEqualTo(second);
            assertThat(reader.read(ID, null, EVERY_TYPE)).isEmpty();
            assertThatThrownBy(() -> reader.read(ID, 42L, EVERY_TYPE)).hasMessageContaining("no longer kept");
        }
        // a new process sees the same catalog
        try (WarehouseCatalog again = open()) {
            assertThat(new TableReader(again).readCurrent(ID, EVERY_TYPE)).hasSize(2);
        }
    }

    @Test
    void aValueWithMorePlacesThanTheColumnIsRefusedNotRounded() {
        try (WarehouseCatalog catalog = open()) {
            Object[] row = row("x");
            row[3] = new BigDecimal("0.1234567890123456789");
            assertThatThrownBy(() -> new TableWriter(catalog).replace(ID, EVERY_TYPE, List.<Object[]>of(row)))
                    .isInstanceOf(ArithmeticException.class);
        }
    }

    @Test
    void runRecordsGiveTheLatestCompleteRunAndEveryEarlierOneById() {
        try (WarehouseCatalog catalog = open()) {
            RunRecords runs = new RunRecords(catalog);
            assertThat(runs.latest()).isEmpty();
            runs.publish(record("run-a", 11L));
            runs.publish(record("run-b", 12L));
            assertThat(runs.latest().orElseThrow().runId()).isEqualTo("run-b");
            assertThat(runs.byId("run-a").orElseThrow().metricSnapshots()).containsEntry("repeat_rate", 11L)
                    .containsEntry("viral_coefficient", null);
            assertThat(runs.all()).extracting(MetricsRunRecord::runId).containsExactly("run-b", "run-a");
            assertThat(runs.byId("nope")).isEmpty();
        }
    }

    @Test
    void warehousesSharingOneDatabaseDoNotSeeEachOthersTablesOrRuns() {
        CatalogDatabase shared = new CatalogDatabase("jdbc:h2:file:" + dir.resolve("db/shared"), null, null);
        try (WarehouseCatalog a = WarehouseCatalog.open(shared, dir.resolve("a").toString(), new Configuration());
             WarehouseCatalog b = WarehouseCatalog.open(shared, dir.resolve("b").toString(), new Configuration())) {
            new TableWriter(a).replace(ID, EVERY_TYPE, List.<Object[]>of(row("in a")));
            new RunRecords(a).publish(record("run-a", 1L));
            assertThat(a.name()).isNotEqualTo(b.name());
            assertThat(b.exists(ID)).isFalse();
            assertThat(new RunRecords(b).latest()).isEmpty();
        }
    }

    private static Object[] row(String text) {
        return new Object[] {text, 1, 2L, BigDecimal.ONE, BigDecimal.ZERO, LocalDate.of(2026, 1, 1),
                Instant.parse("2026-01-01T00:00:00Z"), false};
    }

    private static MetricsRunRecord record(String runId, Long snapshot) {
        Map<String, Long> metrics = new java.util.HashMap<>();
        metrics.put("repeat_rate", snapshot);
        metrics.put("viral_coefficient", null);
        return new MetricsRunRecord(runId, "2026-12-03T07:00:00Z", "2026-11-30", "UTC", "EUR", List.of("default"),
                List.of(), metrics, Map.of("orders", 5L));
    }
}
