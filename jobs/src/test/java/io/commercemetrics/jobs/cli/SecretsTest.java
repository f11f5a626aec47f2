package io.commercemetrics.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.commercemetrics.jobs.delivery.SmtpPassword;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The passwords, each given the one way there is (the environment: the job repository's and the SMTP
 * server's), never show in what a command prints or writes: its output, the warehouse, the job
 * repository's own files, the reports.
 */
class SecretsTest {

    @TempDir
    Path dir;

    @Test
    void theRepositoryPasswordAppearsNowhereInOutputsOrFiles() throws Exception {
        String password = "Pw-" + UUID.randomUUID();
        Map<String, String> environment = Map.of(EngineOptions.PASSWORD_VARIABLE, password,
                "COMMERCE_METRICS_DEBUG", "1");
        Path warehouse = Files.createDirectories(dir.resolve("warehouse").resolve("manifests"));
        String history = "jdbc:h2:file:" + dir.resolve("history").resolve("batch");
        List<String> outputs = new ArrayList<>();

        // a shared repository with a user and the password: created on first use, read back later
        for (int i = 0; i < 2; i++) {
            ChildCommand runs = run(outputs, environment, "runs", "--warehouse", warehouse.getParent().toString(),
                    "--job-repository", history, "--job-repository-user", "metrics");
            assertThat(runs.waitFor(Duration.ofMinutes(3))).as(runs.output()).isZero();
        }
        // a wrong user fails, and the error (stack trace included) does not quote the password
        ChildCommand wrong = run(outputs, environment, "runs", "--warehouse", warehouse.getParent().toString(),
                "--job-repository", history, "--job-repository-user", "intruder");
        assertThat(wrong.waitFor(Duration.ofMinutes(3))).isNotZero();
        // the embedded repository has no password: the variable being set must not break it
        ChildCommand embedded = run(outputs, environment, "runs", "--warehouse", warehouse.getParent().toString());
        assertThat(embedded.waitFor(Duration.ofMinutes(3))).as(embedded.output()).isZero();

        for (String output : outputs) {
            assertThat(output).doesNotContain(password);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(contains(file, password)).as(file.toString()).isFalse();
            }
        }
    }

    /**
     * The SMTP password, given the one way there is ($COMMERCE_METRICS_SMTP_PASSWORD), logs in to a real
     * server, and shows nowhere: not when it is accepted, not when it is refused (stack trace included),
     * not in the recorded configuration or any file written.
     */
    @Test
    void theSmtpPasswordAppearsNowhereInOutputsOrFiles() throws Exception {
        String password = "Smtp-" + UUID.randomUUID();
        Path warehouse = ReportCommandTest.octoberWarehouse(dir.resolve("warehouse"));
        List<String> outputs = new ArrayList<>();
        for (String serverPassword : List.of(password, "another-" + password)) {
            GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                    .withConfiguration(GreenMailConfiguration.aConfig()
                            .withUser("reports@shop.example", "reports", serverPassword));
            smtp.start();
            try {
                ChildCommand report = run(outputs, Map.of(SmtpPassword.VARIABLE, password, "COMMERCE_METRICS_DEBUG",
                        "1"), "report", "--warehouse", warehouse.toString(), "--out", dir.resolve("reports").toString(),
                        "--month", "2026-10", "--kind", "finance", "--mail", "--set", "delivery.smtp.host=127.0.0.1",
                        "--set", "delivery.smtp.port=" + smtp.getSmtp().getPort(), "--set", "delivery.smtp.tls=none",
                        "--set", "delivery.smtp.user=reports", "--set", "delivery.finance.to=cfo@shop.example",
                        "--set", "delivery.finance.from=reports@shop.example");
                boolean accepted = serverPassword.equals(password);
                assertThat(report.waitFor(Duration.ofMinutes(3)) == 0).as(report.output()).isEqualTo(accepted);
                assertThat(smtp.getReceivedMessages()).hasSize(accepted ? 1 : 0);
                if (!accepted) {
                    assertThat(report.output()).contains("535 5.7.8 Authentication credentials invalid");
                }
            } finally {
                smtp.stop();
            }
        }

        for (String output : outputs) {
            assertThat(output).doesNotContain(password);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(contains(file, password)).as(file.toString()).isFalse();
            }
        }
    }

    private ChildCommand run(List<String> outputs, Map<String, String> environment, String... args)
            throws Exception {
        Path output = dir.resolve("out-" + outputs.size() + ".txt");
        ChildCommand command = ChildCommand.start(output, dir.resolve("tmp"), environment, args);
        command.waitFor(Duration.ofMinutes(3));
        outputs.add(command.output());
        return command;
    }

    private static boolean contains(Path file, String text) throws IOException {
        String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        return content.contains(text);
    }
}
