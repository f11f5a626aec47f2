package io.commercemetrics.jobs.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commercemetrics.jobs.config.ConfigLoader;
import io.commercemetrics.jobs.spark.SharedSpark;
import io.commercemetrics.jobs.spark.SparkTables;
import io.commercemetrics.warehouse.TableIds;
import io.commercemetrics.warehouse.Warehouse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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

    @Test
    void aResumedIngestCarriesOnUnderTheRunIdOfItsFirstExecution() throws Exception {
        SharedSpark.session();
        Path input = Files.createDirectories(dir.resolve("input"));
        Files.writeString(input.resolve("orders.csv"), """
                order_id,customer_id,order_ts,status,currency,gross_amount,discount_amount,channel
                o1,c1,2026-10-01T10:00:00Z,paid,USD,100.00,0.00,ads
                """);
        Map<String, String> request = Map.of("inputs", input.toString(),
                "inputs.fingerprint", JobRequests.fingerprint(List.of(input)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setProperty(Faults.FAIL_BEFORE_STEP, "ingest-warehouse");
        try (JobRuntime first = JobRuntime.start(run("r-first", List.of(input), out), null, null, null)) {
            assertThatThrownBy(() -> first.run(IngestJobConfiguration.JOB, request))
                    .isInstanceOf(JobFailedException.class);
        } finally {
            System.clearProperty(Faults.FAIL_BEFORE_STEP);
        }
        // another process (another run id) resumes it: the raw tables and the manifest are the first run's
        try (JobRuntime second = JobRuntime.start(run("r-second", List.of(input), out), null, null, null)) {
            assertThat(second.run(IngestJobConfiguration.JOB, request).getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(second.catalog().load(TableIds.raw("orders")).orElseThrow().currentSnapshot().summary())
                    .containsEntry(SparkTables.RUN_ID_PROPERTY, "r-first");
        }
        try (Stream<Path> manifests = Files.list(dir.resolve("manifests"))) {
            assertThat(manifests.map(p -> p.getFileName().toString())).singleElement().asString()
                    .startsWith("ingest-").endsWith("-r-first.json");
        }
    }
}
