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
import org.apache.iceberg.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A warehouse's metrics runs over time, as finance relies on them, in one story (each metrics run
 * costs Spark's fixed time, so the steps share their runs):
 * <ol>
 *   <li>a reader that starts while a metrics run is committing sees the previous run whole or the
 *       new run whole, never a mix: every table of the run it reads was committed by that run;</li>
 *   <li>time travel: after a later run on changed data, the first run's exports, asked for with
 *       {@code --run}, are byte for byte what they were right after it;</li>
 *   <li>expiry removes the first run's snapshots (asking for it is then an error) and never the
 *       latest run's; a run that never existed is an error too.</li>
 * </ol>
 */
class TimeTravelTest {

    static final String HEADER = "order_id,customer_id,order_ts,updated_ts,status,currency,gross_amount,"
            + "discount_amount,shipping_amount,tax_amount,channel,visitor_id,share_code,coupon_code,store_id\n";

    @TempDir
    Path dir;

    @Test
    void readersSeeOneRunWholeAndAnEarlierRunExportsByteForByteAfterLaterRunsUntilItExpires() throws Exception {
        Path inputs = Files.createDirectories(dir.resolve("in"));
        Path warehouse = dir.resolve("warehouse");
        Files.writeString(inputs.resolve("orders.csv"), HEADER
                + "o1,c1,2026-09-03T10:00:00Z,,paid,EUR,100.00,,,,search,,,,\n"
                + "o2,c2,2026-09-10T10:00:00Z,,paid,EUR,50.00,,,,ads,,,,\n"
                + "o3,c1,2026-10-05T10:00:00Z,,paid,EUR,70.00,,,,search,,,,\n", StandardCharsets.UTF_8);
        assertThat(cli("ingest", "--input", inputs.toString(), "--warehouse", warehouse.toString())).isZero();
        assertThat(cli("metrics", "--warehouse", warehouse.toString())).isZero();
        String firstRun = WarehouseContents.latestRun(warehouse).runId();
        Path rightAfter = dir.resolve("export-first");
        assertThat(cli("export", "--warehouse", warehouse.toString(), "--out", rightAfter.toString())).isZero();

        // late data: a repeat order of c2 in October; the second run is read while it commits
        Files.writeString(inputs.resolve("orders-late.csv"), HEADER
                + "o4,c2,2026-10-20T10:00:00Z,,paid,EUR,80.00,,,,ads,,,,\n", StandardCharsets.UTF_8);
        assertThat(cli("ingest", "--input", inputs.toString(), "--warehouse", warehouse.toString())).isZero();
        Set<String> seen = readWhileMetricsCommits(warehouse);
        MetricsRunRecord second = WarehouseContents.latestRun(warehouse);
        try (WarehouseCatalog catalog = WarehouseContents.open(warehouse)) {
            assertThat(new RunRecords(catalog).all()).extracting(MetricsRunRecord::runId)
                    .containsExactly(second.runId(), firstRun);
        }
        assertThat(second.runId()).isNotEqualTo(firstRun);
        assertThat(seen).first().isEqualTo(firstRun);
        assertThat(seen).isSubsetOf(firstRun, second.runId());

        Path travelled = dir.resolve("export-travelled");
        assertThat(cli("export", "--warehouse", warehouse.toString(), "--run", firstRun,
                "--out", travelled.toString())).isZero();
        Path latest = dir.resolve("export-latest");
        assertThat(cli("export", "--warehouse", warehouse.toString(), "--out", latest.toString())).isZero();

        Map<String, byte[]> before = WarehouseContents.exportedFiles(rightAfter);
        assertThat(before).hasSize(14);
        assertThat(WarehouseContents.exportedFiles(travelled)).containsOnlyKeys(before.keySet())
                .allSatisfy((name, bytes) -> assertThat(bytes).as(name).isEqualTo(before.get(name)));
        assertThat(new String(WarehouseContents.exportedFiles(latest).get("repeat_rate.csv"), StandardCharsets.UTF_8))
                .isNotEqualTo(new String(before.get("repeat_rate.csv"), StandardCharsets.UTF_8));

        // a run that never existed: an error, and nothing written
        assertThat(cli("export", "--warehouse", warehouse.toString(), "--run", "no-such-run",
                "--out", dir.resolve("x").toString())).isEqualTo(2);
        assertThat(dir.resolve("x").resolve("repeat_rate.csv")).doesNotExist();

        // expiry removes the first run's snapshots, never the latest run's
        assertThat(cli("warehouse", "expire", "--older-than", "0h", "--warehouse", warehouse.toString())).isZero();
        Path afterExpiry = dir.resolve("export-after-expiry");
        assertThat(cli("export", "--warehouse", warehouse.toString(), "--out", afterExpiry.toString())).isZero();
        Map<String, byte[]> latestFiles = WarehouseContents.exportedFiles(latest);
        assertThat(WarehouseContents.exportedFiles(afterExpiry)).allSatisfy((name, bytes) -> assertThat(bytes).as(name)
                .isEqualTo(latestFiles.get(name)));
        assertThat(cli("export", "--warehouse", warehouse.toString(), "--run", firstRun,
                "--out", dir.resolve("gone").toString())).isNotZero();
        // runs lists both metrics runs, newest first, the first one expired
        String runs = runsOutput(warehouse);
        assertThat(runs).contains("metrics runs (read one again with export/report --run RUN_ID)");
        assertThat(runs.lines().filter(line -> line.startsWith(second.runId()))).singleElement().asString()
                .doesNotContain("(expired)");
        assertThat(runs.lines().filter(line -> line.startsWith(firstRun))).singleElement().asString()
                .endsWith("(expired)");
        assertThat(runs.indexOf(second.runId() + " ")).isLessThan(runs.indexOf(firstRun + " "));
    }

    private static String runsOutput(Path warehouse) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stdout = System.out;
        try {
            System.setOut(new java.io.PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(cli("runs", "--warehouse", warehouse.toString())).isZero();
        } finally {
            System.setOut(stdout);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * Runs metrics in the background and, until it ends, reads the latest run over and over, as a
     * report would: each table at the run's snapshot must have been committed by that very run.
     *
     * @return the runs seen, in order
     */
    private static Set<String> readWhileMetricsCommits(Path warehouse) throws Exception {
        CompletableFuture<Integer> metrics = CompletableFuture.supplyAsync(
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
                    assertThat(iceberg.snapshot(table.getValue()).summary().get(SparkTables.RUN_ID_PROPERTY))
                            .as("%s of the run read, %s", table.getKey(), run.runId()).isEqualTo(run.runId());
                }
                assertThat(reader.read(TableIds.metric("repeat_rate"), run.metricSnapshots().get("repeat_rate"),
                        MetricTables.REPEAT_RATE)).isNotEmpty();
                seen.add(run.runId());
                reads++;
            } while (!metrics.isDone());
        }
        assertThat(metrics.get()).isZero();
        assertThat(reads).isPositive();
        return seen;
    }

    private static int cli(String... args) {
        return CommerceMetricsCli.execute(args);
    }
}
