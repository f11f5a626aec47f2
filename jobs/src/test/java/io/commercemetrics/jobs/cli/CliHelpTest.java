package io.commercemetrics.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command explains itself, its options and their defaults, without starting any job. */
class CliHelpTest {

    @ParameterizedTest
    @ValueSource(strings = {"pipeline", "ingest", "metrics", "export", "report", "generate", "runs", "close",
        "reopen", "schedule", "backfill", "jobs"})
    void everyCommandHasHelpWithItsDefaults(String command) {
        StringWriter out = new StringWriter();
        CommandLine cli = CommerceMetricsCli.commandLine();
        cli.setOut(new PrintWriter(out));

        assertThat(cli.execute(command, "--help")).isZero();
        assertThat(out.toString()).startsWith("Usage: commerce-metrics " + command).contains("--help");
        if (!command.equals("generate")) {
            assertThat(out.toString()).contains("--warehouse=DIR", "(default: var/warehouse)", "--config=FILE",
                    "--set=KEY=VALUE", "--master=URL", "--job-repository=JDBC_URL");
        }
    }

    @Test
    void noCommandIsAUsageErrorListingTheCommands() {
        StringWriter err = new StringWriter();
        CommandLine cli = CommerceMetricsCli.commandLine();
        cli.setErr(new PrintWriter(err));

        assertThat(cli.execute()).isEqualTo(2);
        assertThat(err.toString()).contains("Missing command").contains("pipeline", "ingest", "metrics", "report");
    }

    @Test
    void pipelineDefaultsAreTheSampleDataAndTheLocalVarFolder() {
        StringWriter out = new StringWriter();
        CommandLine cli = CommerceMetricsCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.execute("pipeline", "--help");
        assertThat(out.toString()).contains("(default: sample-data)", "(default: var/reports)");
    }
}
