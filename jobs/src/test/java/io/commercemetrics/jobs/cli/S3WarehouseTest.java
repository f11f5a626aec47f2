package io.commercemetrics.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercemetrics.jobs.cluster.S3Server;
import io.commercemetrics.jobs.warehouse.WarehouseContents;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warehouse on S3, as a user runs it against an S3-compatible store: {@code --warehouse
 * s3a://shop/commerce}, the store's endpoint under {@code hadoop:} (given once, with {@code --set};
 * the warehouse's recorded configuration carries it to the later commands) and the keys in
 * {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, which is why each command runs in a JVM of
 * its own. The server is S3Proxy on 127.0.0.1 ({@link S3Server}), checking every request's signature.
 *
 * <p>One Spark run, on the hand-worked golden case {@code period-close/late-order-and-refund} (before
 * the close): {@code pipeline} writes the tables into the bucket and renders the reports from them;
 * {@code export}, which reads the tables without Spark, gives the case's expected files byte for
 * byte, and so does {@code export --run <that run>} (a run's snapshots by id). The secret key shows
 * in no output and no file, the bucket's included. A second run read back at the first run's
 * snapshots is {@code TimeTravelTest}'s, on a local warehouse: the same catalog and snapshot code.
 */
@Tag("cluster")
class S3WarehouseTest {

    private static final String BUCKET = "shop";
    private static final String WAREHOUSE = "s3a://" + BUCKET + "/commerce";
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(4);

    @TempDir
    Path dir;

    private final List<String> outputs = new ArrayList<>();

    @Test
    void pipelineWithTheWarehouseOnS3ExportsTheGoldenFiguresAlsoByRunAndShowsTheKeyNowhere() throws Exception {
        Path golden = Path.of(S3WarehouseTest.class.getResource("/golden/period-close/late-order-and-refund").toURI());
        Path exports = Files.createDirectories(dir.resolve("exports"));
        try (Stream<Path> files = Files.list(golden.resolve("before-close"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                Files.copy(file, exports.resolve(file.getFileName()));
            }
        }
        Path state = dir.resolve("state");
        String secret = "S3-" + UUID.randomUUID();

        try (S3Server s3 = S3Server.start(dir.resolve("s3"), "commerce-metrics", secret)) {
            s3.createBucket(BUCKET);
            Map<String, String> environment = s3.credentialsEnvironment();

            List<String> pipeline = new ArrayList<>(List.of("pipeline", "--input", exports.toString(),
                    "--warehouse", WAREHOUSE, "--state", state.toString(), "--reports", dir.resolve("reports").toString(),
                    "--config", golden.resolve("config.yaml").toString(), "--as-of", "2026-10-06"));
            s3.hadoopSettings().forEach((key, value) -> pipeline.addAll(List.of("--set", "hadoop." + key + "=" + value)));
            run(environment, pipeline.toArray(String[]::new));
            String run = onlyMetricsRun(state);
            // the reports read the run's tables from the bucket without Spark, and name the run they read
            assertThat(dir.resolve("reports/2026-09/finance.pdf")).isNotEmptyFile();
            assertThat(dir.resolve("reports/2026-09/finance.html")).content().contains(run, "orders.csv");

            Path first = export(environment, state, "first");
            assertEqualsExpected(first, golden.resolve("before-close/expected"));

            assertThat(s3.objectKeys(BUCKET, "commerce/tables/metrics/commission_statement/"))
                    .anyMatch(key -> key.matches(".*/data/.*\\.parquet"))
                    .anyMatch(key -> key.matches(".*/metadata/.*\\.metadata\\.json"));
            assertThat(s3.objectKeys(BUCKET, "commerce/tables/raw/orders/data/")).isNotEmpty();
            assertThat(s3.objectKeys(BUCKET, "commerce/staging/")).as("the staged files, for executors").isNotEmpty();
            assertThat(state.resolve("tables")).as("no table file on the local disk").doesNotExist();

            // the run's own snapshots, by the ids its run record names, read from the table metadata on S3
            Path byRun = export(environment, state, "by-run", "--run", run);
            Map<String, byte[]> firstFiles = WarehouseContents.exportedFiles(first);
            assertThat(WarehouseContents.exportedFiles(byRun)).containsOnlyKeys(firstFiles.keySet())
                    .allSatisfy((name, bytes) -> assertThat(bytes).as(name).isEqualTo(firstFiles.get(name)));
        }

        for (String output : outputs) {
            assertThat(output).doesNotContain(secret);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString())
                        .doesNotContain(secret);
            }
        }
    }

    private Path export(Map<String, String> environment, Path state, String name, String... more) throws Exception {
        Path out = dir.resolve("export-" + name);
        List<String> args = new ArrayList<>(List.of("export", "--warehouse", WAREHOUSE, "--state", state.toString(),
                "--out", out.toString()));
        args.addAll(List.of(more));
        run(environment, args.toArray(String[]::new));
        return out;
    }

    private void run(Map<String, String> environment, String... args) throws Exception {
        Path output = dir.resolve("out-" + outputs.size() + ".txt");
        ChildCommand command = ChildCommand.start(output, dir.resolve("tmp"), environment, args);
        int code = command.waitFor(COMMAND_TIMEOUT);
        outputs.add(command.output());
        assertThat(code).as(String.join(" ", args) + "\n" + command.output()).isZero();
    }

    /** The id of the one metrics run so far, from its manifest ({@code manifests/metrics-<run id>.json}). */
    private static String onlyMetricsRun(Path state) throws IOException {
        try (Stream<Path> manifests = Files.list(state.resolve("manifests"))) {
            List<String> runs = manifests.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith("metrics-") && n.endsWith(".json"))
                    .map(n -> n.substring("metrics-".length(), n.length() - ".json".length())).toList();
            assertThat(runs).hasSize(1);
            return runs.get(0);
        }
    }

    private static void assertEqualsExpected(Path exported, Path expected) throws IOException {
        Map<String, byte[]> files = WarehouseContents.exportedFiles(exported);
        assertThat(files).hasSize(14);
        Map<String, byte[]> expectedFiles = WarehouseContents.exportedFiles(expected);
        assertThat(expectedFiles).isNotEmpty();
        expectedFiles.forEach((name, bytes) -> assertThat(new String(files.get(name), StandardCharsets.UTF_8)).as(name)
                .isEqualTo(new String(bytes, StandardCharsets.UTF_8)));
    }
}
