package io.commercemetrics.jobs.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercemetrics.jobs.config.ConfigLoader;
import io.commercemetrics.warehouse.Warehouse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.explore.JobExplorer;

/**
 * The job repository on a real PostgreSQL server, when one is given in
 * {@code COMMERCE_METRICS_TEST_JDBC_URL} (.ci/run starts a throwaway one where PostgreSQL is
 * installed): the schema is created on first use and the history is read back by a later process.
 */
@EnabledIfEnvironmentVariable(named = "COMMERCE_METRICS_TEST_JDBC_URL", matches = "jdbc:postgresql:.+")
class PostgresJobRepositoryTest {

    @TempDir
    Path dir;

    @Test
    void runsAreRecordedInPostgresAndReadBackByALaterContext() {
        String url = System.getenv("COMMERCE_METRICS_TEST_JDBC_URL");
        String user = System.getenv().getOrDefault("COMMERCE_METRICS_TEST_JDBC_USER", "postgres");
        String first = "pg-" + UUID.randomUUID();
        long before;
        try (JobRuntime runtime = JobRuntime.start(run(first), url, user, null)) {
            before = runtime.bean(JobExplorer.class).getJobInstanceCount("echoJob");
            runtime.run("echoJob", Map.of());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        try (JobRuntime runtime = JobRuntime.start(run("pg-" + UUID.randomUUID()), url, user, null)) {
            JobExplorer explorer = runtime.bean(JobExplorer.class);
            assertThat(explorer.getJobInstanceCount("echoJob")).isEqualTo(before + 1);
            assertThat(explorer.getJobInstances("echoJob", 0, 1).get(0).getInstanceId()).isPositive();
            assertThat(explorer.getJobExecutions(explorer.getLastJobInstance("echoJob")).get(0)
                    .getJobParameters().getString("run.id")).isEqualTo(first);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * {@code jobs} lists the same history whichever database holds it: a failed and a completed
     * execution of the same job, in H2 and in PostgreSQL alike.
     */
    @Test
    void jobsListsTheSameHistoryFromPostgresAsFromTheEmbeddedFile() throws Exception {
        String url = System.getenv("COMMERCE_METRICS_TEST_JDBC_URL");
        String user = System.getenv().getOrDefault("COMMERCE_METRICS_TEST_JDBC_USER", "postgres");
        Path embedded = dir.resolve("embedded");
        Path shared = dir.resolve("shared");
        for (String[] repository : List.of(new String[] {null, null}, new String[] {url, user})) {
            Path warehouse = repository[0] == null ? embedded : shared;
            try (JobRuntime runtime = JobRuntime.start(run("pg-" + UUID.randomUUID(), warehouse, List.of(Path.of("fail"))),
                    repository[0], repository[1], null)) {
                runtime.run("echoJob", Map.of("inputs", "fail"));
            } catch (JobFailedException expected) {
                // recorded FAILED, as intended
            }
            try (JobRuntime runtime = JobRuntime.start(run("pg-" + UUID.randomUUID(), warehouse, List.of()),
                    repository[0], repository[1], null)) {
                runtime.run("echoJob", Map.of("inputs", "fine"));
            }
        }
        String fromH2 = jobs(embedded);
        String fromPostgres = jobs(shared, "--job-repository", url, "--job-repository-user", user);
        for (String listed : List.of(fromH2, fromPostgres)) {
            assertThat(listed.lines().filter(line -> line.matches("\\s*\\d+\\s+echo\\s.*")).toList())
                    .as(listed).anySatisfy(line -> assertThat(line).contains("FAILED", "failed in echo: asked to fail"))
                    .anySatisfy(line -> assertThat(line).contains("COMPLETED", "inputs=fine"));
        }
    }

    private static String jobs(Path warehouse, String... repository) {
        java.util.List<String> args = new java.util.ArrayList<>(List.of("jobs", "--warehouse", warehouse.toString(),
                "--limit", "1000"));
        args.addAll(List.of(repository));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(io.commercemetrics.jobs.cli.CommerceMetricsCli.execute(args.toArray(String[]::new))).isZero();
        } finally {
            System.setOut(stdout);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private RunContext run(String runId, Path warehouse, List<Path> inputs) {
        ConfigLoader loader = ConfigLoader.defaults();
        return new RunContext(runId, new Warehouse(warehouse), loader.load(), loader.toYaml(), null, inputs, null,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private RunContext run(String runId) {
        ConfigLoader loader = ConfigLoader.defaults();
        return new RunContext(runId, new Warehouse(dir), loader.load(), loader.toYaml(), null, List.of(), null,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }
}
