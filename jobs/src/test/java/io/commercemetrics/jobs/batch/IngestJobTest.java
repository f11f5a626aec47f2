package io.commercemetrics.jobs.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commercemetrics.jobs.config.ConfigLoader;
import io.commercemetrics.jobs.spark.SharedSpark;
import io.commercemetrics.schemas.Sources;
import io.commercemetrics.schemas.TableSchema;
import io.commercemetrics.warehouse.CatalogDatabase;
import io.commercemetrics.warehouse.IngestTables;
import io.commercemetrics.warehouse.TableIds;
import io.commercemetrics.warehouse.TableReader;
import io.commercemetrics.warehouse.Warehouse;
import io.commercemetrics.warehouse.WarehouseCatalog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.repository.JobInstanceAlreadyCompleteException;
import org.springframework.batch.test.JobLauncherTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The ingest job under Spring Batch's own test support, as the Spring Batch samples test jobs: the
 * application's job configurations in a test context (the job repository in an H2 file), launched
 * through {@link JobLauncherTestUtils}. A job failing at its warehouse step is launched again with the
 * same parameters: Spring Batch resumes it there, the per-source steps it completed are not run again,
 * and the warehouse holds exactly the rows an uninterrupted ingest holds. The input is hand-made, so
 * the counts are known: orders.csv has three records, one of them with a negative amount.
 */
@SpringBatchTest
@SpringBootTest(classes = {BatchApplication.class, IngestJobTest.Fixture.class})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class IngestJobTest {

    @TempDir
    static Path dir;

    private static final ByteArrayOutputStream OUT = new ByteArrayOutputStream();

    @Autowired
    JobLauncherTestUtils jobs;

    @Autowired
    JobExplorer explorer;

    @Autowired
    RunContext run;

    @Autowired
    WarehouseCatalog catalog;

    @Autowired
    StepProgress progress;

    @Autowired
    @Qualifier(IngestJobConfiguration.JOB)
    Job ingestJob;

    @BeforeAll
    static void sparkOfThisJvm() {
        SharedSpark.session();
    }

    @DynamicPropertySource
    static void jobRepository(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> warehouse().jobRepositoryUrl());
        registry.add("spring.batch.jdbc.initialize-schema", () -> "always");
        registry.add("spring.batch.job.enabled", () -> "false");
    }

    @TestConfiguration
    static class Fixture {

        @Bean
        RunContext runContext() throws IOException {
            ConfigLoader config = ConfigLoader.defaults();
            return new RunContext("20261203T120000Z-test", warehouse(), config.load(), config.toYaml(), null,
                    List.of(inputs()), null, new PrintStream(OUT, true, StandardCharsets.UTF_8));
        }

        @Bean(destroyMethod = "close")
        WarehouseCatalog warehouseCatalog() {
            Warehouse warehouse = warehouse();
            return WarehouseCatalog.open(new CatalogDatabase(warehouse.jobRepositoryUrl(), null, null),
                    warehouse.tablesLocation(), new Configuration());
        }
    }

    private static Warehouse warehouse() {
        return new Warehouse(dir.resolve("warehouse"));
    }

    /** Three orders, the second with a negative gross amount (quarantined at line 3); two shares. */
    private static Path inputs() throws IOException {
        Path folder = dir.resolve("exports");
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("orders.csv"), """
                    order_id,customer_id,order_ts,status,currency,gross_amount,discount_amount,channel,share_code
                    o1,c1,2026-10-03T10:00:00Z,paid,USD,100.00,10.00,search,
                    o2,c2,2026-10-03T11:00:00Z,paid,USD,-1.00,,search,
                    o3,c3,2026-10-04T09:30:00Z,paid,USD,40.00,0,social,s1
                    """);
            Files.writeString(folder.resolve("shares.csv"), """
                    share_id,sharer_id,parent_share_id,share_ts
                    s1,c1,,2026-10-03T12:00:00Z
                    s2,c3,s1,2026-10-04T10:00:00Z
                    """);
        }
        return folder;
    }

    /** The request as the ingest command makes it: warehouse, configuration, inputs and their fingerprint. */
    private JobParameters request() {
        List<Path> inputs = run.inputs();
        return new JobParametersBuilder()
                .addString("warehouse", run.warehouse().location(), true)
                .addString(JobRuntime.CONFIG_HASH, JobRequests.configHash(run.configYaml()), true)
                .addString("inputs", inputs.get(0).toString(), true)
                .addString("inputs.fingerprint", JobRequests.fingerprint(inputs), true)
                .addString(JobRequests.LAUNCH, run.runId(), true)
                .addString("run.id", run.runId(), false)
                .toJobParameters();
    }

    @AfterEach
    void noFault() {
        System.clearProperty(Faults.FAIL_BEFORE_STEP);
    }

    @Test
    void aJobFailedAtItsWarehouseStepResumesThereWithTheSameParametersAndCountsEveryRowOnce() throws Exception {
        jobs.setJob(ingestJob);
        JobParameters request = request();

        System.setProperty(Faults.FAIL_BEFORE_STEP, "ingest-warehouse");
        JobExecution failed = jobs.launchJob(request);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(statuses(failed)).containsEntry("ingest-discover", BatchStatus.COMPLETED)
                .containsEntry("ingest-orders", BatchStatus.COMPLETED)
                .containsEntry("ingest-shares", BatchStatus.COMPLETED)
                .containsEntry("ingest-warehouse", BatchStatus.FAILED)
                .doesNotContainKey("ingest-summary");
        assertThat(counts(failed, "ingest-orders")).as("orders read, accepted, quarantined")
                .containsExactly(3L, 2L, 1L);
        assertThat(counts(failed, "ingest-shares")).containsExactly(2L, 2L, 0L);
        assertThat(failed.getAllFailureExceptions()).singleElement().extracting(Throwable::getMessage).asString()
                .contains("injected fault before step ingest-warehouse");
        assertThat(catalog.exists(TableIds.raw("orders"))).as("no raw table before the warehouse step")
                .isFalse();
        // progress counted every byte of both files once: its time left comes down to nothing
        Path exports = run.inputs().get(0);
        assertThat(progress.reading().bytes())
                .isEqualTo(Files.size(exports.resolve("orders.csv")) + Files.size(exports.resolve("shares.csv")));

        System.clearProperty(Faults.FAIL_BEFORE_STEP);
        JobExecution resumed = jobs.launchJob(request);
        assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(resumed.getJobInstance().getInstanceId()).as("the same job instance, restarted")
                .isEqualTo(failed.getJobInstance().getInstanceId());
        assertThat(statuses(resumed).keySet()).as("only the steps that had not completed run again")
                .containsExactly("ingest-warehouse", "ingest-summary");

        // every step of the instance completed exactly once over both executions
        Map<String, Long> completions = explorer.getJobExecutions(failed.getJobInstance()).stream()
                .flatMap(execution -> execution.getStepExecutions().stream())
                .filter(step -> step.getStatus() == BatchStatus.COMPLETED)
                .collect(Collectors.groupingBy(StepExecution::getStepName, Collectors.counting()));
        assertThat(completions).hasSize(1 + 9 + 2).allSatisfy((name, times) -> assertThat(times).as(name).isOne());

        assertThat(orderIds()).containsExactlyInAnyOrder("o1", "o3");
        assertThat(new TableReader(catalog).readCurrent(TableIds.QUARANTINE, IngestTables.QUARANTINE)).hasSize(1);

        // a completed request is not run again: Spring Batch itself refuses the same parameters
        assertThatThrownBy(() -> jobs.launchJob(request)).isInstanceOf(JobInstanceAlreadyCompleteException.class);
    }

    private List<String> orderIds() {
        TableSchema raw = IngestTables.raw(Sources.ORDERS);
        int orderId = raw.columnNames().indexOf("order_id");
        return new TableReader(catalog).readCurrent(TableIds.raw("orders"), raw).stream()
                .map(row -> String.valueOf(row[orderId])).toList();
    }

    private static Map<String, BatchStatus> statuses(JobExecution execution) {
        return execution.getStepExecutions().stream()
                .collect(Collectors.toMap(StepExecution::getStepName, StepExecution::getStatus,
                        (a, b) -> b, java.util.LinkedHashMap::new));
    }

    /**
     * A step's rows read, written and filtered (quarantined). Not a method returning a StepExecution:
     * Spring Batch's test listener would take that for a step-scope factory.
     */
    private static List<Long> counts(JobExecution execution, String name) {
        return execution.getStepExecutions().stream().filter(step -> step.getStepName().equals(name))
                .map(step -> List.of(step.getReadCount(), step.getWriteCount(), step.getFilterCount()))
                .findFirst().orElseThrow(() -> new AssertionError("no step " + name));
    }
}
