package io.commercemetrics.jobs.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commercemetrics.jobs.config.ConfigLoader;
import io.commercemetrics.warehouse.Warehouse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.explore.JobExplorer;

class JobRuntimeTest {

    @TempDir
    Path dir;

    private RunContext run(String runId, List<Path> inputs, ByteArrayOutputStream out) {
        ConfigLoader loader = ConfigLoader.defaults();
        return new RunContext(runId, new Warehouse(dir), loader.load(), loader.toYaml(), null, inputs, null,
                new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @Test
    void historySurvivesTheProcessInTheWarehouseH2File() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JobRuntime runtime = JobRuntime.start(run("r1", List.of(), out), null, null, null)) {
            assertThat(runtime.run("echoJob", Map.of("inputs", "none")).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        }
        // a second context on the same file: the schema is already there, the first run is listed
        try (JobRuntime runtime = JobRuntime.start(run("r2", List.of(), out), null, null, null)) {
            runtime.run("echoJob", Map.of());
            JobExplorer explorer = runtime.bean(JobExplorer.class);
            assertThat(explorer.getJobInstanceCount("echoJob")).isEqualTo(2);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("echo r1", "echo r2");
        assertThat(dir.resolve("jobrepo").resolve("batch.mv.db")).exists();
    }

    @Test
    void aFailedStepIsReportedWithItsCause() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JobRuntime runtime = JobRuntime.start(run("r3", List.of(Path.of("fail")), out), null, null, null)) {
            assertThatThrownBy(() -> runtime.run("echoJob", Map.of()))
                    .isInstanceOf(JobFailedException.class)
                    .hasMessageContaining("ended FAILED in step echo: asked to fail");
        }
    }
}
