package io.commercemetrics.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What {@code schedule} refuses before any work: a bad timetable (exit 2), a second scheduler on one inbox. */
class ScheduleCommandTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    @Test
    void aCronExpressionThatIsNotOneIsAUsageErrorNamingItsKey() {
        int exit = schedule("--once", "--set", "schedule.weekly-report=0 6 * * MON");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("schedule.weekly-report: not a cron expression (six fields",
                "got: 0 6 * * MON");
        assertThat(dir.resolve("warehouse/schedule-state.properties")).doesNotExist();
    }

    @Test
    void everyTriggerOffIsAUsageError() {
        int exit = schedule("--once", "--set", "schedule.ingest=", "--set", "schedule.weekly-report=",
                "--set", "schedule.monthly-reports=");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("every trigger of the schedule: section is off");
    }

    @Test
    void aSecondSchedulerOnTheSameInboxStopsAtOnceTakingNoFile() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Files.writeString(inbox.resolve("orders.csv"), "order_id\n");
        try (FileChannel channel = FileChannel.open(inbox.resolve(ScheduleCommand.LOCK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = channel.lock()) {
            int exit = schedule("--once");

            assertThat(exit).isEqualTo(1);
            assertThat(err.toString()).contains("another scheduler is running on the inbox");
            assertThat(inbox.resolve("orders.csv")).exists();
            assertThat(inbox.resolve("archive")).doesNotExist();
        }
    }

    private int schedule(String... args) {
        CommandLine cli = new CommandLine(new ScheduleCommand(Clock.fixed(Instant.parse("2026-11-03T00:00:00Z"),
                ZoneOffset.UTC)));
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 6];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--inbox", dir.resolve("inbox").toString(), "--warehouse",
                dir.resolve("warehouse").toString(), "--reports", dir.resolve("reports").toString()}, 0, all,
                args.length, 6);
        return cli.execute(all);
    }
}
