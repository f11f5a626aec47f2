package io.commercemetrics.jobs.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commercemetrics.jobs.config.ConfigLoader;
import io.commercemetrics.warehouse.Warehouse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.repository.JobRepository;

/** The embedded job repository: what it leaves behind, what it exposes, and how runs share it. */
class JobHistoryTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private RunContext run(String runId) {
        ConfigLoader loader = ConfigLoader.defaults();
        return new RunContext(runId, new Warehouse(dir), loader.load(), loader.toYaml(), null, List.of(), null,
                new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @Test
    void anExecutionLeftRunningByADeadProcessIsMarkedFailedAtItsLastActivityByTheNextCommand() throws Exception {
        long executionId;
        LocalDateTime lastActivity;
        // what a process killed in the middle of a step leaves: the execution and its step STARTED, no end
        try (JobRuntime crashed = JobRuntime.start(run("r-crashed"), null, null, null)) {
            JobRepository repository = crashed.bean(JobRepository.class);
            JobExecution execution = repository.createJobExecution("metricsJob", new JobParametersBuilder()
                    .addString("run.id", "r-crashed", true).addString("warehouse", dir.toString(), false)
                    .toJobParameters());
            execution.setStartTime(LocalDateTime.now().minusMinutes(5));
            execution.setStatus(BatchStatus.STARTED);
            repository.update(execution);
            StepExecution step = execution.createStepExecution("metrics-ledger");
            step.setStartTime(LocalDateTime.now().minusMinutes(4));
            step.setStatus(BatchStatus.STARTED);
            repository.add(step);
            executionId = execution.getId();
            lastActivity = CrashedRuns.lastSeen(crashed.bean(JobExplorer.class).getJobExecution(executionId));
        }

        // a reader is enough to repair it: holding the history proves no process has it open
        try (JobRuntime next = JobRuntime.start(run("r-next"), null, null, null, false)) {
            JobExecution repaired = next.bean(JobExplorer.class).getJobExecution(executionId);
            assertThat(repaired.getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(repaired.getEndTime()).isEqualTo(lastActivity);
            assertThat(repaired.getExitStatus().getExitDescription()).startsWith(CrashedRuns.DIED)
                    .contains("found by run r-next");
            assertThat(repaired.getStepExecutions()).singleElement()
                    .satisfies(step -> assertThat(step.getStatus()).isEqualTo(BatchStatus.FAILED));
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("run r-crashed (metricsJob) was killed");
    }

    /**
     * The embedded database holds the Iceberg catalog as well as the job history, so a reader needs
     * it open too: it waits for another process (JobHistoryLock.await) and, within one process, is
     * told plainly rather than left waiting for itself.
     */
    @Test
    void aReaderNeedsTheEmbeddedDatabaseAWriterHasOpenAndRecordsItsJobOnceItHasIt() {
        try (JobRuntime writer = JobRuntime.start(run("r-writer"), null, null, null, true)) {
            assertThat(writer.catalog()).isNotNull();
            assertThatThrownBy(() -> JobRuntime.start(run("r-reader"), null, null, null, false))
                    .hasMessageContaining("is open in this process");
        }
        try (JobRuntime reader = JobRuntime.start(run("r-reader"), null, null, null, false)) {
            assertThat(reader.run("echoJob", Map.of()).getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(reader.bean(JobExplorer.class).getJobInstanceCount("echoJob")).isEqualTo(1);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theSchemaIsCreatedOnceAndTheTraceFileDoesNotGrowFromRunToRun() throws IOException {
        String url = new Warehouse(dir).jobRepositoryUrl();
        for (int i = 0; i < 3; i++) {
            try (JobRuntime runtime = JobRuntime.start(run("r" + i), null, null, null)) {
                runtime.run("echoJob", Map.of());
            }
        }
        assertThat(JobRepositorySchema.exists(url, null, null)).isTrue();
        Path trace = dir.resolve("jobrepo").resolve("batch.trace.db");
        long size = Files.exists(trace) ? Files.size(trace) : 0;
        try (JobRuntime runtime = JobRuntime.start(run("r3"), null, null, null)) {
            runtime.run("echoJob", Map.of());
        }
        assertThat(Files.exists(trace) ? Files.size(trace) : 0).as(() -> read(trace)).isEqualTo(size).isZero();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void theEmbeddedRepositoryListensOnNoPort() throws IOException {
        Set<String> before = listeningSocketsOfThisProcess();
        try (JobRuntime runtime = JobRuntime.start(run("r-port"), null, null, null)) {
            runtime.run("echoJob", Map.of());
            assertThat(listeningSocketsOfThisProcess()).isSubsetOf(before);
        }
        assertThat(new Warehouse(dir).jobRepositoryUrl()).doesNotContainIgnoringCase("AUTO_SERVER");
    }

    /** Inodes of this JVM's sockets in state LISTEN (0A), from /proc. */
    private static Set<String> listeningSocketsOfThisProcess() throws IOException {
        Set<String> listening = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
                    String[] cells = line.trim().split("\\s+");
                    if (cells[3].equals("0A")) {
                        listening.add(cells[9]);
                    }
                }
            }
        }
        Set<String> own = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        own.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException gone) {
                    // closed while listing
                }
            }
        }
        own.retainAll(listening);
        return own;
    }
}
