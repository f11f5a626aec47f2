package io.commercemetrics.jobs.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercemetrics.jobs.config.ConfigLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduler driven through time by a controllable clock, with the default schedule in
 * Asia/Shanghai and a recording fake of the work: real files in a real inbox, three weeks with a
 * month end, a slow run, a failed one, and five days down.
 */
class SchedulerTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Pattern STARTED = Pattern.compile(" (\\S+): started \\(scheduled for (.+)\\)$");

    @TempDir
    Path dir;

    private final List<String> log = new ArrayList<>();

    @Test
    void threeWeeksWithAMonthEndASlowRunAFailureAndFiveDaysDown() throws IOException {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Path stateFile = dir.resolve("warehouse/schedule-state.properties");
        // a Wednesday noon: the first start runs each trigger once for its latest time
        ControlledTime time = new ControlledTime(at("2026-10-21T12:00"));
        RecordingWork work = new RecordingWork(time, SHANGHAI);
        // the platform drops a new orders.csv every evening, under the same name
        for (LocalDate day = LocalDate.parse("2026-10-21"); !day.isAfter(LocalDate.parse("2026-11-05"));
             day = day.plusDays(1)) {
            drop(time, inbox, day, "orders.csv", "orders of " + day);
        }
        drop(time, inbox, LocalDate.parse("2026-10-26"), "refunds.csv", "UNREADABLE");
        // Monday's ingest outlasts 06:00, the weekly report's time; Thursday's ingest cannot be done;
        // the ingest of 4 November outlasts the next day's 02:00
        work.ingestTakes(LocalDate.parse("2026-10-26"), Duration.ofHours(5));
        work.ingestFails(LocalDate.parse("2026-10-29"), "the warehouse is locked by run r-42");
        work.ingestTakes(LocalDate.parse("2026-11-04"), Duration.ofHours(26));

        time.runUntil(scheduler(inbox, stateFile, work, time), at("2026-11-07T00:00"));
        // down from Saturday to Thursday: five daily ingests and Monday's weekly report missed
        drop(time, inbox, LocalDate.parse("2026-11-08"), "orders.csv", "orders of 2026-11-08");
        time.passTo(at("2026-11-12T10:00"));
        int callsBeforeRestart = work.calls().size();
        time.runUntil(scheduler(inbox, stateFile, work, time), at("2026-11-14T00:00"));

        // each report once, for the period before the day it was due, however late it ran
        assertThat(work.asked("report")).containsExactly(
                "report management 2026-W42", "report all 2026-09",   // first start, Wednesday 21 October
                "report management 2026-W43",                          // Monday 26 October, after the slow ingest
                "report management 2026-W44",                          // Monday 2 November
                "report all 2026-10",                                  // Tuesday 3 November
                "report management 2026-W45");                         // caught up on Thursday 12 November
        assertThat(callBeginning(work, "report management 2026-W43").atZone(SHANGHAI).toLocalDateTime())
                .isAfter(LocalDateTime.parse("2026-10-26T07:00"));
        assertNoRunsOverlap(work.calls());
        assertNoTriggerFiredTwiceForOneTime();

        // every day's orders.csv is a file of its own in the archive, read once, from there
        List<String> ingestedFiles = work.ingested.stream()
                .map(e -> inbox.relativize(e.getKey()) + " = " + e.getValue()).toList();
        List<String> expected = new ArrayList<>();
        for (LocalDate day = LocalDate.parse("2026-10-21"); !day.isAfter(LocalDate.parse("2026-11-05"));
             day = day.plusDays(1)) {
            // dropped in the evening, archived under the date of the next morning's ingest
            expected.add("archive/" + day.plusDays(1) + "/orders.csv = orders of " + day);
        }
        expected.add("archive/2026-11-12/orders.csv = orders of 2026-11-08");
        assertThat(ingestedFiles).containsExactlyElementsOf(expected);
        for (var file : work.ingested) {
            assertThat(file.getKey()).exists().hasContent(file.getValue());
        }
        assertThat(work.asked("ingest")).contains("ingest failed",
                "ingest [2026-10-29/orders.csv, 2026-10-30/orders.csv]",
                "ingest [2026-10-27/orders.csv, 2026-10-27/refunds.csv]");
        assertThat(work.asked("metrics")).hasSameSizeAs(work.asked("ingest ["));
        // the file ingest could not read went on to rejected/ with its reason beside it
        assertThat(inbox.resolve("rejected/refunds.csv")).hasContent("UNREADABLE");
        assertThat(inbox.resolve("rejected/refunds.csv.reason")).content().contains("empty file: no header row");
        assertThat(inbox.resolve("archive/2026-10-27/refunds.csv")).doesNotExist();
        assertThat(filesIn(inbox)).isEmpty();
        assertThat(markersLeft(inbox)).isEmpty();

        // after five days down: one ingest for the latest missed time, one weekly report, and then the
        // next day's ingest finds an empty inbox and no metrics owed: nothing to do
        List<String> afterRestart = work.calls().subList(callsBeforeRestart, work.calls().size()).stream()
                .map(RecordingWork.Call::what).toList();
        assertThat(afterRestart).containsExactly("ingest [2026-11-12/orders.csv]", "metrics",
                "report management 2026-W45");
        assertThat(started("ingest")).filteredOn(s -> s.startsWith("2026-11-0") || s.startsWith("2026-11-1"))
                .containsExactly("2026-11-01 02:00:00 +08:00", "2026-11-02 02:00:00 +08:00",
                        "2026-11-03 02:00:00 +08:00", "2026-11-04 02:00:00 +08:00", "2026-11-05 02:00:00 +08:00",
                        "2026-11-06 02:00:00 +08:00", "2026-11-12 02:00:00 +08:00", "2026-11-13 02:00:00 +08:00");
        assertThat(log).contains(
                "2026-10-26 07:10:00 +08:00 weekly-report: started (scheduled for 2026-10-26 06:00:00 +08:00)",
                "2026-10-27 02:13:00 +08:00 ingest: done in 13 min 00 s: 1 file ingested and archived, 1 rejected; "
                        + "metrics computed",
                "2026-10-29 02:03:00 +08:00 ingest: FAILED after 3 min 00 s: the warehouse is locked by run r-42",
                "2026-11-13 02:00:00 +08:00 ingest: done in 0.0 s: nothing new in the inbox; metrics not run "
                        + "(no new data)");
    }

    /** A stop asked for while a trigger runs (SIGTERM): that run finishes and is recorded, nothing else starts. */
    @Test
    void aStopDuringARunLetsItFinishAndTakesNoFurtherTrigger() throws IOException {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Files.writeString(inbox.resolve("orders.csv"), "orders of 2026-11-01");
        Path stateFile = dir.resolve("state.properties");
        // Monday 06:30: ingest (02:00) and the weekly report (06:00) are both due
        ControlledTime time = new ControlledTime(at("2026-11-02T06:30"));
        RecordingWork work = new RecordingWork(time, SHANGHAI);
        Scheduler scheduler = scheduler(inbox, stateFile, work, time);
        work.duringWork(what -> scheduler.requestStop());

        time.runUntil(scheduler, at("2026-11-09T00:00"));

        assertThat(work.calls()).extracting(RecordingWork.Call::what)
                .containsExactly("ingest [2026-11-02/orders.csv]", "metrics");
        assertThat(inbox.resolve("archive/2026-11-02/orders.csv")).exists();
        assertThat(ScheduleState.at(stateFile).lastFired("ingest")).contains(at("2026-11-02T02:00"));
        assertThat(ScheduleState.at(stateFile).lastFired("weekly-report")).isEmpty();
        assertThat(log.get(log.size() - 1)).endsWith("scheduler stopped");
    }

    /** {@code --once}: every due trigger once; run again at the same time, nothing is due. */
    @Test
    void onceFiresEachDueTriggerOnceAndASecondRunFindsNothingDue() throws IOException {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Files.writeString(inbox.resolve("orders.csv"), "orders of 2026-11-02");
        Path stateFile = dir.resolve("state.properties");
        ControlledTime time = new ControlledTime(at("2026-11-03T07:00"));
        RecordingWork work = new RecordingWork(time, SHANGHAI);

        assertThat(scheduler(inbox, stateFile, work, time).runOnce()).isTrue();
        assertThat(scheduler(inbox, stateFile, work, time).runOnce()).isTrue();

        assertThat(work.calls()).extracting(RecordingWork.Call::what).containsExactly(
                "ingest [2026-11-03/orders.csv]", "metrics", "report management 2026-W44", "report all 2026-10");
        assertThat(log.get(log.size() - 1)).endsWith("no trigger due now");
    }

    private Scheduler scheduler(Path inbox, Path stateFile, RecordingWork work, ControlledTime time) {
        return new Scheduler(Trigger.of(ConfigLoader.defaults().load().schedule()), inbox, work, ReportListener.NONE,
                ScheduleState.at(stateFile), time, SHANGHAI, time, log::add);
    }

    private static void drop(ControlledTime time, Path inbox, LocalDate day, String name, String text) {
        time.at(at(day + "T20:00"), () -> {
            try {
                Files.writeString(inbox.resolve(name), text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static Instant at(String localShanghai) {
        return LocalDateTime.parse(localShanghai).atZone(SHANGHAI).toInstant();
    }

    private static Instant callBeginning(RecordingWork work, String what) {
        return work.calls().stream().filter(c -> c.what().equals(what)).findFirst().orElseThrow().began();
    }

    private static void assertNoRunsOverlap(List<RecordingWork.Call> calls) {
        for (int i = 1; i < calls.size(); i++) {
            assertThat(calls.get(i).began()).as(calls.get(i).what()).isAfterOrEqualTo(calls.get(i - 1).ended());
        }
    }

    private void assertNoTriggerFiredTwiceForOneTime() {
        List<String> fired = new ArrayList<>();
        for (String line : log) {
            Matcher m = STARTED.matcher(line);
            if (m.find()) {
                fired.add(m.group(1) + " " + m.group(2));
            }
        }
        assertThat(fired).isNotEmpty().doesNotHaveDuplicates();
    }

    private List<String> started(String trigger) {
        List<String> times = new ArrayList<>();
        for (String line : log) {
            Matcher m = STARTED.matcher(line);
            if (m.find() && m.group(1).equals(trigger)) {
                times.add(m.group(2));
            }
        }
        return times;
    }

    private static List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(Files::isRegularFile).toList();
        }
    }

    private static List<Path> markersLeft(Path inbox) throws IOException {
        try (Stream<Path> all = Files.walk(inbox)) {
            return all.filter(f -> f.getFileName().toString().equals(Inbox.NOT_INGESTED_YET)).toList();
        }
    }
}
