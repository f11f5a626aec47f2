package io.commercemetrics.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercemetrics.jobs.schedule.ScheduleState;
import io.commercemetrics.warehouse.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code schedule} in a JVM of its own, stopped the way systemd and Kubernetes stop it: SIGTERM. The
 * signal does not start the JVM's shutdown under a run; the scheduler wakes from its wait, says it
 * stops, and the process exits 0 at once (not at its next trigger). That a run in flight finishes
 * first is the scheduler's own rule ({@code SchedulerTest.aStopDuringARunLetsItFinishAndTakesNoFurtherTrigger}).
 */
class ScheduleSignalTest {

    @TempDir
    Path dir;

    @Test
    void sigtermStopsAWaitingSchedulerCleanlyAndAtOnce() throws Exception {
        Path warehouse = dir.resolve("warehouse");
        // every trigger fired for now already: nothing is due, the scheduler waits for the next time
        ScheduleState state = ScheduleState.at(new Warehouse(warehouse).scheduleState());
        Instant now = Instant.now();
        for (String trigger : new String[] {"ingest", "weekly-report", "monthly-reports"}) {
            state.fired(trigger, now);
        }
        Path inbox = dir.resolve("inbox");
        ChildCommand schedule = ChildCommand.start(dir.resolve("schedule.out"), dir.resolve("tmp"), Map.of(),
                "schedule", "--inbox", inbox.toString(), "--warehouse", warehouse.toString(),
                "--reports", dir.resolve("reports").toString());
        assertThat(schedule.awaitOutput("scheduler started", Duration.ofSeconds(60)))
                .as(schedule.output()).isTrue();

        long signalled = System.nanoTime();
        schedule.terminate();
        int code = schedule.waitFor(Duration.ofSeconds(30));
        Duration toExit = Duration.ofNanos(System.nanoTime() - signalled);

        String output = schedule.output();
        assertThat(code).as(output).isZero();
        assertThat(output).contains("stop requested: no further trigger is taken", "scheduler stopped")
                .doesNotContain("ingest: started", "Exception");
        assertThat(output.indexOf("stop requested")).isLessThan(output.indexOf("scheduler stopped"));
        // the next trigger is hours away: it stopped on the signal, not by waiting for it
        assertThat(toExit).isLessThan(Duration.ofSeconds(20));
        assertThat(Files.list(inbox).map(p -> p.getFileName().toString()))
                .as("nothing taken from the inbox").containsOnly(ScheduleCommand.LOCK_FILE);
    }
}
