package io.commercemetrics.jobs.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercemetrics.jobs.batch.Faults;
import io.commercemetrics.jobs.batch.JobRuntime;
import io.commercemetrics.jobs.batch.MetricsJobConfiguration;
import io.commercemetrics.jobs.batch.RunContext;
import io.commercemetrics.jobs.batch.StopRequests;
import io.commercemetrics.jobs.cli.CommerceMetricsCli;
import io.commercemetrics.jobs.config.ConfigLoader;
import io.commercemetrics.jobs.spark.SharedSpark;
import io.commercemetrics.jobs.warehouse.WarehouseContents;
import io.commercemetrics.warehouse.RunRecords;
import io.commercemetrics.warehouse.Warehouse;
import io.commercemetrics.warehouse.WarehouseCatalog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobInstance;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;

/**
 * A metrics run stopped on request, then resumed by the same command and failing in the middle of
 * its analytics step (after some of its tables were committed), then finished with
 * {@code jobs restart}: its exports equal those of an uninterrupted run byte for byte, the steps it
 * completed ran once, and readers saw no run until the whole run was published.
 */
class RestartTest {

    @TempDir
    Path dir;

    @Test
    void aStoppedThenFailedMetricsRunRestartedFromItsFailedStepEndsAsAnUninterruptedRun() throws Exception {
        SharedSpark.session();
        Path exports = dir.resolve("exports");
        assertThat(cli("generate", "--out", exports.toString(), "--orders", "120", "--seed", "11").code).isZero();

        Path uninterrupted = dir.resolve("uninterrupted");
        assertThat(cli("ingest", "--input", exports.toString(), "--warehouse", uninterrupted.toString()).code).isZero();
        assertThat(cli("metrics", "--warehouse", uninterrupted.toString()).code).isZero();
        assertThat(cli("export", "--warehouse", uninterrupted.toString(), "--out", dir.resolve("expected").toString())
                .code).isZero();

        Path warehouse = dir.resolve("warehouse");
        assertThat(cli("ingest", "--input", exports.toString(), "--warehouse", warehouse.toString()).code).isZero();

        // a stop asked before the run starts: it stops at its first step boundary, having computed nothing
        StopRequests.request(new Warehouse(warehouse), StopRequests.CURRENT);
        Result stopped = cli("metrics", "--warehouse", warehouse.toString());
        assertThat(stopped.code).as(stopped.text()).isEqualTo(1);
        assertThat(stopped.err).contains("ended STOPPED in step metrics-prepare", "jobs restart");

        // the same command again resumes that execution; this time it fails after committing repeat_rate
        System.setProperty(Faults.FAIL_AFTER_TABLE, "repeat_rate");
        Result failed;
        try {
            failed = cli("metrics", "--warehouse", warehouse.toString());
        } finally {
            System.clearProperty(Faults.FAIL_AFTER_TABLE);
        }
        assertThat(failed.code).as(failed.text()).isEqualTo(1);
        assertThat(failed.out).contains("resuming execution", "(STOPPED in step metrics-prepare)");
        assertThat(failed.err).contains("ended FAILED in step metrics-analytics", "injected fault after table repeat_rate");
        try (WarehouseCatalog catalog = WarehouseContents.open(warehouse)) {
            assertThat(new RunRecords(catalog).latest()).as("no run is published before all its tables are").isEmpty();
        }

        Result listed = cli("jobs", "--warehouse", warehouse.toString());
        long failedId = executionId(listed.out, "metrics", "FAILED");
        assertThat(listed.out).contains("failed in metrics-analytics: injected fault after table repeat_rate");

        Result restarted = cli("jobs", "restart", String.valueOf(failedId), "--warehouse", warehouse.toString());
        assertThat(restarted.code).as(restarted.text()).isZero();
        assertThat(restarted.out).contains("execution " + (failedId + 1) + " completed");

        assertThat(cli("export", "--warehouse", warehouse.toString(), "--out", dir.resolve("actual").toString()).code)
                .isZero();
        Map<String, byte[]> expected = WarehouseContents.exportedFiles(dir.resolve("expected"));
        assertThat(expected).hasSize(14);
        assertThat(WarehouseContents.exportedFiles(dir.resolve("actual"))).containsOnlyKeys(expected.keySet())
                .allSatisfy((name, bytes) -> assertThat(new String(bytes, StandardCharsets.UTF_8)).as(name)
                        .isEqualTo(new String(expected.get(name), StandardCharsets.UTF_8)));

        // the job repository: one instance, three executions; prepare and ledger ran once, analytics twice
        Map<String, List<BatchStatus>> steps = stepsOfTheOnlyInstance(warehouse, MetricsJobConfiguration.JOB);
        assertThat(steps).containsExactlyInAnyOrderEntriesOf(Map.of(
                "metrics-prepare", List.of(BatchStatus.STOPPED, BatchStatus.COMPLETED),
                "metrics-ledger", List.of(BatchStatus.COMPLETED),
                "metrics-analytics", List.of(BatchStatus.FAILED, BatchStatus.COMPLETED),
                "metrics-record", List.of(BatchStatus.COMPLETED)));
        try (WarehouseCatalog catalog = WarehouseContents.open(warehouse)) {
            RunRecords runs = new RunRecords(catalog);
            assertThat(runs.all()).hasSize(1);
            assertThat(failed.out).contains("metrics: run " + runs.latest().orElseThrow().runId() + ", data end");
        }

        Result shown = cli("jobs", "show", String.valueOf(failedId + 1), "--warehouse", warehouse.toString());
        assertThat(shown.out).contains("COMPLETED", "other executions of the same request: ",
                failedId + " FAILED", "metrics-record");

        // nothing changed since: the same request computes nothing
        Result again = cli("metrics", "--warehouse", warehouse.toString());
        assertThat(again.code).isZero();
        assertThat(again.out).contains("nothing to compute: execution " + (failedId + 1));
    }

    /**
     * A pipeline failing as its ingest summary starts, after every source was staged and the raw
     * tables built, resumed by the same command: the summary still counts the files the first
     * execution read (from the job's state, not from a re-read that would find them unchanged),
     * ingest is not run again, and metrics and reports follow.
     */
    @Test
    void aPipelineResumedAfterItsIngestFailedSumsUpTheFilesTheFirstExecutionRead() throws Exception {
        SharedSpark.session();
        Path input = java.nio.file.Files.createDirectories(dir.resolve("input"));
        java.nio.file.Files.writeString(input.resolve("orders.csv"), """
                order_id,customer_id,order_ts,status,currency,gross_amount,discount_amount,channel
                o1,c1,2026-10-01T10:00:00+08:00,paid,CNY,100.00,0.00,ads
                o2,c1,2026-10-20T10:00:00+08:00,paid,CNY,50.00,0.00,email
                o3,c2,2026-10-21T10:00:00+08:00,paid,CNY,-5.00,0.00,email
                """);
        Path warehouse = dir.resolve("warehouse");
        String[] pipeline = {"pipeline", "--input", input.toString(), "--warehouse", warehouse.toString(),
                "--reports", dir.resolve("reports").toString()};

        System.setProperty(Faults.FAIL_BEFORE_STEP, "ingest-summary");
        Result failed;
        try {
            failed = cli(pipeline);
        } finally {
            System.clearProperty(Faults.FAIL_BEFORE_STEP);
        }
        assertThat(failed.code).as(failed.text()).isEqualTo(1);
        assertThat(failed.err).contains("job pipelineJob", "ended FAILED in step ingest-summary");

        Result resumed = cli(pipeline);
        assertThat(resumed.code).as(resumed.text()).isZero();
        assertThat(resumed.out).contains("resuming execution", "(FAILED in step ingest-summary)");
        // the file as the first execution read it: new, 3 rows read, 2 accepted, 1 quarantined
        assertThat(resumed.out).containsPattern("orders\\s+orders\\.csv\\s+new\\s+3\\s+2\\s+1");
        assertThat(resumed.out).doesNotContain("unchanged");
        assertThat(dir.resolve("reports").resolve("index.html")).exists();

        Map<String, List<BatchStatus>> steps = stepsOfTheOnlyInstance(warehouse, "pipelineJob");
        assertThat(steps.get("ingest-orders")).containsExactly(BatchStatus.COMPLETED);
        assertThat(steps.get("ingest-warehouse")).containsExactly(BatchStatus.COMPLETED);
        assertThat(steps.get("ingest-summary")).containsExactly(BatchStatus.FAILED, BatchStatus.COMPLETED);
        assertThat(steps.get("metrics-record")).containsExactly(BatchStatus.COMPLETED);
        assertThat(steps.get("report-render")).containsExactly(BatchStatus.COMPLETED);
    }

    private static long executionId(String jobsList, String job, String status) {
        Matcher line = Pattern.compile("(?m)^\\s*(\\d+)\\s+" + job + "\\s+" + status + "\\b").matcher(jobsList);
        assertThat(line.find()).as(jobsList).isTrue();
        return Long.parseLong(line.group(1));
    }

    /** Every step execution of the job's only instance, by step, in the order they ran. */
    private Map<String, List<BatchStatus>> stepsOfTheOnlyInstance(Path warehouse, String job) {
        ConfigLoader loader = ConfigLoader.defaults();
        RunContext run = new RunContext("r-inspect", new Warehouse(warehouse), loader.load(), loader.toYaml(), null,
                List.of(), null, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try (JobRuntime runtime = JobRuntime.start(run, null, null, null, false)) {
            JobExplorer explorer = runtime.bean(JobExplorer.class);
            List<JobInstance> instances = explorer.getJobInstances(job, 0, 10);
            assertThat(instances).hasSize(1);
            return explorer.getJobExecutions(instances.get(0)).stream()
                    .sorted(java.util.Comparator.comparing(JobExecution::getId))
                    .flatMap(execution -> execution.getStepExecutions().stream()
                            .sorted(java.util.Comparator.comparing(StepExecution::getId)))
                    .collect(Collectors.groupingBy(StepExecution::getStepName, java.util.LinkedHashMap::new,
                            Collectors.mapping(StepExecution::getStatus, Collectors.toList())));
        }
    }

    record Result(int code, String out, String err) {
        String text() {
            return out + err;
        }
    }

    static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = CommerceMetricsCli.execute(args);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        stdout.print(out.toString(StandardCharsets.UTF_8));
        stderr.print(err.toString(StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
