package io.commercemetrics.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** What a command that must succeed printed on standard output. */
final class CommandOutput {

    private CommandOutput() {
    }

    static String of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = CommerceMetricsCli.execute(args);
        } finally {
            System.setOut(stdout);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(String.join(" ", args) + "\n" + printed).isZero();
        return printed;
    }
}
