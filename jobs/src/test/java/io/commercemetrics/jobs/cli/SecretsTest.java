package io.commercemetrics.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The job repository's password, given the one way there is (the environment), never shows in
 * what a command prints or writes: its output, the warehouse, the job repository's own files.
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
