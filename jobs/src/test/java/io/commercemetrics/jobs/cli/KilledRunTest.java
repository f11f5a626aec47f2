package io.commercemetrics.jobs.cli;

import io.commercemetrics.warehouse.JobHistoryLock;
import static org.assertj.core.api.Assertions.assertThat;

import io.commercemetrics.jobs.batch.RunContext;
import io.commercemetrics.jobs.batch.SparkSessionProvider;
import io.commercemetrics.jobs.config.ConfigLoader;
import io.commercemetrics.jobs.spark.SharedSpark;
import io.commercemetrics.jobs.warehouse.WarehouseContents;
import io.commercemetrics.warehouse.Warehouse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A metrics run killed with kill -9 in the middle of its ledger step, in a JVM of its own: while
 * it runs, the history is held by it; after it, the next command shows it FAILED with the time it
 * died, nothing of Spark is left in the temporary folder, the next writer removes the scratch it
 * left in the warehouse, and {@code jobs restart} finishes it with the exports of an uninterrupted
 * run.
 */
@EnabledOnOs(OS.LINUX)
class KilledRunTest {

    @TempDir
    Path dir;

    @Test
    void aKilledRunIsShownFailedAndLeavesNothingInTmp() throws Exception {
        SharedSpark.session();
        Path warehouse = dir.resolve("warehouse");
        Path input = Files.createDirectories(dir.resolve("input"));
        Files.writeString(input.resolve("orders.csv"), """
                order_id,customer_id,order_ts,status,currency,gross_amount,discount_amount,channel
                o1,c1,2026-10-01T10:00:00+08:00,paid,CNY,100.00,0.00,ads
                o2,c1,2026-10-20T10:00:00+08:00,paid,CNY,50.00,0.00,email
                """);
        assertThat(CommerceMetricsCli.execute("ingest", "--input", input.toString(),
                "--warehouse", warehouse.toString())).isZero();

        Path tmp = dir.resolve("child-tmp");
        ChildCommand metrics = ChildCommand.start(dir.resolve("metrics.out"), tmp, Map.of(),
                "metrics", "--warehouse", warehouse.toString());
        try {
            // killed inside a step (the ledger has committed its first table and goes on with the
            // next): at a step boundary the history could show no step running, only that it died
            boolean reachedTheLedger = metrics.awaitOutput("  order_attribution ", Duration.ofMinutes(4));
            assertThat(reachedTheLedger).as(metrics.output()).isTrue();
            // the child holds the embedded database (job history and catalog): a reader would wait for it
            assertThat(JobHistoryLock.holder(new Warehouse(warehouse))).startsWith("run ");
        } finally {
            metrics.kill();
        }

        String after = CommandOutput.of("jobs", "--warehouse", warehouse.toString());
        String killed = after.lines().filter(line -> line.matches("\\s*\\d+\\s+metrics\\s.*")).findFirst()
                .orElseThrow(() -> new AssertionError(after));
        assertThat(killed).contains("FAILED", "process died in metrics-ledger");
        assertThat(after).contains("was killed; marked FAILED as of");
        assertThat(leftovers(tmp)).isEmpty();
        assertThat(Files.list(warehouse.resolve("scratch")).toList()).isNotEmpty();

        // the next writer to start Spark removes what the killed one left under the warehouse
        ConfigLoader loader = ConfigLoader.defaults();
        RunContext next = new RunContext("r-next", new Warehouse(warehouse), loader.load(), loader.toYaml(), null,
                List.of(), null, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        new SparkSessionProvider(next).get();
        assertThat(warehouse.resolve("scratch")).doesNotExist();

        // jobs restart finishes the killed run: its exports are those of a run nobody interrupted
        String id = killed.trim().split("\\s+")[0];
        assertThat(CommandOutput.of("jobs", "restart", id, "--warehouse", warehouse.toString())).contains("completed");
        CommandOutput.of("export", "--warehouse", warehouse.toString(), "--out", dir.resolve("restarted").toString());
        Path uninterrupted = dir.resolve("uninterrupted");
        CommandOutput.of("ingest", "--input", input.toString(), "--warehouse", uninterrupted.toString());
        CommandOutput.of("metrics", "--warehouse", uninterrupted.toString());
        CommandOutput.of("export", "--warehouse", uninterrupted.toString(), "--out", dir.resolve("expected").toString());
        Map<String, byte[]> expected = WarehouseContents.exportedFiles(dir.resolve("expected"));
        assertThat(expected).hasSize(14);
        assertThat(WarehouseContents.exportedFiles(dir.resolve("restarted"))).containsOnlyKeys(expected.keySet())
                .allSatisfy((name, bytes) -> assertThat(bytes).as(name).isEqualTo(expected.get(name)));
    }

    private static List<String> leftovers(Path tmp) throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.startsWith("spark-") || name.startsWith("blockmgr-")).toList();
        }
    }
}
