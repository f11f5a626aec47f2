package io.commercemetrics.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercemetrics.jobs.metrics.analytics.DataEnd;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** What a command does with a warehouse it cannot work on: say so at once and leave nothing behind. */
class WarehouseGuardsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"export", "report", "runs", "metrics"})
    void aMistypedWarehouseIsAUsageErrorAndNothingIsCreatedThere(String command) {
        Path mistyped = dir.resolve("warehuose");
        StringWriter err = new StringWriter();
        CommandLine cli = CommerceMetricsCli.commandLine();
        cli.setErr(new PrintWriter(err));

        int exit = cli.execute(command, "--warehouse", mistyped.toString(), "--set", "reporting.currency=CNY");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("no warehouse at " + mistyped + " (run ingest first");
        assertThat(mistyped).doesNotExist();
    }

    @Test
    void metricsOnAWarehouseWithoutOrdersFailsBeforeStartingSpark() throws Exception {
        Path warehouse = dir.resolve("warehouse");
        Files.createDirectories(warehouse.resolve("manifests"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        PrintStream stdout = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            CommandLine cli = CommerceMetricsCli.commandLine();
            cli.setErr(new PrintWriter(err));
            exit = cli.execute("metrics", "--warehouse", warehouse.toString());
        } finally {
            System.setOut(stdout);
        }
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains(DataEnd.NO_ORDERS);
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("Starting Spark");
    }

    /** Runs the command on the warehouse (ingest from {@code input}, which must exist), its errors into {@code err}. */
    private static int runOn(String command, Path warehouse, Path input, StringWriter err) {
        CommandLine cli = CommerceMetricsCli.commandLine();
        cli.setErr(new PrintWriter(err));
        return command.equals("ingest")
                ? cli.execute(command, "--warehouse", warehouse.toString(), "--input", input.toString())
                : cli.execute(command, "--warehouse", warehouse.toString());
    }

    /** A warehouse folder copied elsewhere: its tables name the old folder, so every command refuses it. */
    @ParameterizedTest
    @ValueSource(strings = {"ingest", "metrics", "export", "report", "runs"})
    void aWarehouseMovedFromWhereItWasMadeIsRefusedNamingThatFolder(String command) throws Exception {
        Path copy = dir.resolve("copy");
        Path metadata = copy.resolve("tables/raw/orders/metadata");
        Files.createDirectories(metadata);
        Files.writeString(metadata.resolve("00001-5f1c.metadata.json"),
                "{\"format-version\":2,\"location\":\"/srv/shop/warehouse/tables/raw/orders\"}");
        Files.createDirectories(copy.resolve("manifests"));
        StringWriter err = new StringWriter();

        int exit = runOn(command, copy, metadata, err);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("the warehouse at " + copy + " was made at /srv/shop/warehouse",
                "a warehouse cannot be moved or copied", "Give --warehouse /srv/shop/warehouse");
        try (var files = Files.list(copy)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("tables", "manifests");
        }
    }

    /** A warehouse of Parquet folders (before the Iceberg tables): one sentence, exit 2, nothing written. */
    @ParameterizedTest
    @ValueSource(strings = {"ingest", "metrics", "export", "report", "runs"})
    void aWarehouseOfTheEarlierLayoutIsRefusedWithTheAdviceToReIngest(String command) throws Exception {
        Path old = dir.resolve("old");
        Files.createDirectories(old.resolve("metrics"));
        Files.writeString(old.resolve("metrics/_run.json"), "{\"run_id\": \"r1\"}");
        Files.createDirectories(old.resolve("raw/orders"));
        StringWriter err = new StringWriter();

        int exit = runOn(command, old, dir, err);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("was made by an earlier version (Parquet folders, before Iceberg "
                + "tables): ingest your exports again into a new --warehouse folder");
        try (var files = Files.list(old)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("metrics", "raw");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"export", "report"})
    void aRunTheWarehouseDoesNotHaveIsAUsageErrorBeforeAnyJob(String command) throws Exception {
        Path warehouse = dir.resolve("warehouse");
        Files.createDirectories(warehouse.resolve("manifests"));
        Path out = dir.resolve("out");
        StringWriter err = new StringWriter();
        CommandLine cli = CommerceMetricsCli.commandLine();
        cli.setErr(new PrintWriter(err));

        int exit = cli.execute(command, "--warehouse", warehouse.toString(), "--run", "20990101-000000-dead",
                "--out", out.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--run 20990101-000000-dead: no such metrics run in this warehouse");
        assertThat(out).doesNotExist();
    }

    @Test
    void thereIsNoPasswordOption() {
        StringWriter err = new StringWriter();
        CommandLine cli = CommerceMetricsCli.commandLine();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("runs", "--warehouse", dir.toString(), "--job-repository-password", "x")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown options: '--job-repository-password'");
    }
}
