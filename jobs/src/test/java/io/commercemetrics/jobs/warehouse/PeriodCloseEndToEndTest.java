package io.commercemetrics.jobs.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercemetrics.jobs.cli.CommerceMetricsCli;
import io.commercemetrics.schemas.TableSchema;
import io.commercemetrics.warehouse.MonthClose;
import io.commercemetrics.warehouse.TableIds;
import io.commercemetrics.warehouse.WarehouseCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.iceberg.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden case {@code golden/period-close/late-order-and-refund} through the commands, as finance
 * runs it: ingest and metrics, close September, the same export files re-exported with the late
 * order and refunds, ingest and metrics again; every export equals the case's hand-worked files,
 * and the closed month's exports are the first run's, byte for byte (the second run read them from
 * the close's tags). Then expiry keeps the snapshots the close tagged.
 */
class PeriodCloseEndToEndTest {

    private static final String[] LEDGER_TABLES = {"commission_statement", "reconciliation", "commission_adjustments"};

    @TempDir
    Path dir;

    @Test
    void aClosedMonthIsReadFromItsTagAndLateDataArePostedToTheNextMonth() throws Exception {
        Path golden = Path.of(PeriodCloseEndToEndTest.class.getResource("/golden/period-close/late-order-and-refund")
                .toURI());
        Path exports = Files.createDirectories(dir.resolve("exports"));
        String warehouse = dir.resolve("warehouse").toString();
        String config = golden.resolve("config.yaml").toString();

        copyInputs(golden.resolve("before-close"), exports);
        assertThat(cli("ingest", "--input", exports.toString(), "--warehouse", warehouse, "--config", config)).isZero();
        assertThat(cli("metrics", "--warehouse", warehouse, "--as-of", "2026-10-06")).isZero();
        Path first = export(warehouse, "first");
        assertExportsEqualExpected(first, golden.resolve("before-close/expected"));

        assertThat(cli("close", "--warehouse", warehouse, "--month", "2026-09")).isZero();

        // the shop re-exports the same files, now with the late order and refunds
        copyInputs(golden.resolve("after-close"), exports);
        assertThat(cli("ingest", "--input", exports.toString(), "--warehouse", warehouse)).isZero();
        assertThat(cli("metrics", "--warehouse", warehouse, "--as-of", "2026-10-31")).isZero();
        Path second = export(warehouse, "second");
        assertExportsEqualExpected(second, golden.resolve("after-close/expected"));
        for (String table : new String[] {"commission_statement", "reconciliation"}) {
            assertThat(september(second.resolve(table + ".csv"))).as(table).isNotEmpty()
                    .isEqualTo(september(first.resolve(table + ".csv")));
        }

        // expiry of everything older than now keeps the snapshots the close tagged, for the next runs
        assertThat(cli("warehouse", "expire", "--older-than", "0h", "--warehouse", warehouse)).isZero();
        try (WarehouseCatalog catalog = WarehouseContents.open(Path.of(warehouse))) {
            for (TableSchema table : MonthClose.FROZEN_TABLES) {
                Table iceberg = catalog.load(TableIds.metric(table.name())).orElseThrow();
                assertThat(iceberg.snapshot(iceberg.refs().get("closed-2026-09").snapshotId())).as(table.name())
                        .isNotNull();
            }
        }
    }

    private static void copyInputs(Path stage, Path exports) throws Exception {
        try (Stream<Path> files = Files.list(stage)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                Files.copy(file, exports.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private Path export(String warehouse, String name) {
        Path out = dir.resolve("export-" + name);
        assertThat(cli("export", "--warehouse", warehouse, "--out", out.toString(), "--tables",
                String.join(",", LEDGER_TABLES))).isZero();
        return out;
    }

    private static void assertExportsEqualExpected(Path exported, Path expected) throws Exception {
        Map<String, byte[]> files = WarehouseContents.exportedFiles(exported);
        for (Map.Entry<String, byte[]> file : WarehouseContents.exportedFiles(expected).entrySet()) {
            assertThat(new String(files.get(file.getKey()), java.nio.charset.StandardCharsets.UTF_8))
                    .as(file.getKey()).isEqualTo(new String(file.getValue(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static java.util.List<String> september(Path csv) throws Exception {
        return Files.readAllLines(csv).stream().filter(line -> line.startsWith("2026-09,")).toList();
    }

    private static int cli(String... args) {
        return CommerceMetricsCli.execute(args);
    }
}
