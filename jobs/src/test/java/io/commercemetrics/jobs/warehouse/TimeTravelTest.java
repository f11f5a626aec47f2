package io.commercemetrics.jobs.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercemetrics.jobs.cli.CommerceMetricsCli;
import io.commercemetrics.warehouse.MetricsRunRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Time travel: metrics run twice with a changed input between; the first run's exports, asked for
 * with {@code --run} after the second run, are byte for byte what they were right after it, and
 * differ from the latest run's.
 */
class TimeTravelTest {

    static final String HEADER = "order_id,customer_id,order_ts,updated_ts,status,currency,gross_amount,"
            + "discount_amount,shipping_amount,tax_amount,channel,visitor_id,share_code,coupon_code,store_id\n";

    @TempDir
    Path dir;

    @Test
    void anEarlierRunExportsByteForByteAsItDidAfterLaterRuns() throws IOException {
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

        // late data: a repeat order of c2 in October
        Files.writeString(inputs.resolve("orders-late.csv"), HEADER
                + "o4,c2,2026-10-20T10:00:00Z,,paid,EUR,80.00,,,,ads,,,,\n", StandardCharsets.UTF_8);
        assertThat(cli("ingest", "--input", inputs.toString(), "--warehouse", warehouse.toString())).isZero();
        assertThat(cli("metrics", "--warehouse", warehouse.toString())).isZero();
        MetricsRunRecord second = WarehouseContents.latestRun(warehouse);
        assertThat(second.runId()).isNotEqualTo(firstRun);

        Path travelled = dir.resolve("export-travelled");
        assertThat(cli("export", "--warehouse", warehouse.toString(), "--run", firstRun,
                "--out", travelled.toString())).isZero();
        Path latest = dir.resolve("export-latest");
        assertThat(cli("export", "--warehouse", warehouse.toString(), "--out", latest.toString())).isZero();

        Map<String, byte[]> before = files(rightAfter);
        assertThat(before).hasSize(13);
        assertThat(files(travelled)).containsOnlyKeys(before.keySet())
                .allSatisfy((name, bytes) -> assertThat(bytes).as(name).isEqualTo(before.get(name)));
        assertThat(new String(files(latest).get("repeat_rate.csv"), StandardCharsets.UTF_8))
                .isNotEqualTo(new String(before.get("repeat_rate.csv"), StandardCharsets.UTF_8));

        // expiry removes the first run's snapshots, never the latest run's
        assertThat(cli("warehouse", "expire", "--older-than", "0h", "--warehouse", warehouse.toString())).isZero();
        Path afterExpiry = dir.resolve("export-after-expiry");
        assertThat(cli("export", "--warehouse", warehouse.toString(), "--out", afterExpiry.toString())).isZero();
        Map<String, byte[]> latestFiles = files(latest);
        assertThat(files(afterExpiry)).allSatisfy((name, bytes) -> assertThat(bytes).as(name)
                .isEqualTo(latestFiles.get(name)));
        assertThat(cli("export", "--warehouse", warehouse.toString(), "--run", firstRun,
                "--out", dir.resolve("gone").toString())).isNotZero();
    }

    @Test
    void aRunThatDoesNotExistIsAClearError() throws IOException {
        Path inputs = Files.createDirectories(dir.resolve("in"));
        Path warehouse = dir.resolve("warehouse");
        Files.writeString(inputs.resolve("orders.csv"), HEADER
                + "o1,c1,2026-09-03T10:00:00Z,,paid,EUR,100.00,,,,search,,,,\n", StandardCharsets.UTF_8);
        assertThat(cli("ingest", "--input", inputs.toString(), "--warehouse", warehouse.toString())).isZero();
        assertThat(cli("export", "--warehouse", warehouse.toString(), "--run", "no-such-run",
                "--out", dir.resolve("x").toString())).isNotZero();
        assertThat(dir.resolve("x").resolve("repeat_rate.csv")).doesNotExist();
    }

    private static int cli(String... args) {
        return CommerceMetricsCli.execute(args);
    }

    private static Map<String, byte[]> files(Path folder) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path file : list.toList()) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
