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

    private RunContext run(String runId) {
        ConfigLoader loader = ConfigLoader.defaults();
        return new RunContext(runId, new Warehouse(dir), loader.load(), loader.toYaml(), null, List.of(), null,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }
}
