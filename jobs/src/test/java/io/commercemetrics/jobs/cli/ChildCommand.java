package io.commercemetrics.jobs.cli;

import io.commercemetrics.jobs.CommerceMetricsApplication;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line run in a JVM of its own, as a user runs it: what a process leaves behind when
 * it is killed, or what its environment carries, cannot be seen from inside the test JVM.
 */
final class ChildCommand {

    private final Process process;
    private final Path output;

    private ChildCommand(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** @param tmp the child's java.io.tmpdir (Spark's default scratch space), so what it leaves there is seen */
    static ChildCommand start(Path output, Path tmp, Map<String, String> environment, String... args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        command.add("-Djava.io.tmpdir=" + tmp);
        // the --add-opens Spark needs and the JIT setting, as the test JVM got them from surefire
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(arg -> arg.startsWith("--add-opens") || arg.startsWith("-Djdk.reflect")
                        || arg.startsWith("-Dio.netty") || arg.startsWith("-XX:TieredStopAtLevel")
                        || arg.startsWith("-XX:ReservedCodeCacheSize"))
                .forEach(command::add);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CommerceMetricsApplication.class.getName());
        command.addAll(List.of(args));
        Files.createDirectories(tmp);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        builder.environment().putAll(environment);
        return new ChildCommand(builder.start(), output);
    }

    /** Waits until the output shows {@code text}; false when the process ended or the time ran out first. */
    boolean awaitOutput(String text, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (output().contains(text)) {
                return true;
            }
            if (!process.isAlive()) {
                return output().contains(text);
            }
            Thread.sleep(200);
        }
        return false;
    }

    int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the command did not end in " + timeout);
        }
        return process.exitValue();
    }

    /** SIGTERM, as systemd, Kubernetes or {@code kill} stop a service; the process decides how to end. */
    void terminate() {
        process.destroy();
    }

    /** kill -9: no shutdown hook, no finally block runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    String output() throws IOException {
        return Files.readString(output, StandardCharsets.UTF_8);
    }
}
