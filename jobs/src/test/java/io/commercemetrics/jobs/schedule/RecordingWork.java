package io.commercemetrics.jobs.schedule;

import io.commercemetrics.reports.ReportKind;
import io.commercemetrics.reports.period.ReportPeriod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A fake of the work that records each call with the times it began and ended, reads the files as
 * ingest would (a file starting with {@code UNREADABLE} is rejected whole), and takes as long, or
 * fails, as the test says for a given day.
 */
final class RecordingWork implements ScheduledWork {

    /** One call: what was asked, when it began and ended. */
    record Call(String what, Instant began, Instant ended) {
    }

    private final ControlledTime time;
    private final ZoneId zone;
    private final List<Call> calls = new ArrayList<>();
    /** Each ingested file with what it held, in order. */
    final List<Map.Entry<Path, String>> ingested = new ArrayList<>();
    private final Map<LocalDate, java.time.Duration> slowIngest = new HashMap<>();
    private final Map<LocalDate, String> failingIngest = new HashMap<>();
    private Consumer<String> duringWork = what -> {
    };

    RecordingWork(ControlledTime time, ZoneId zone) {
        this.time = time;
        this.zone = zone;
    }

    void ingestTakes(LocalDate day, java.time.Duration duration) {
        slowIngest.put(day, duration);
    }

    void ingestFails(LocalDate day, String why) {
        failingIngest.put(day, why);
    }

    void duringWork(Consumer<String> action) {
        duringWork = action;
    }

    List<Call> calls() {
        return calls;
    }

    List<String> asked(String prefix) {
        return calls.stream().map(Call::what).filter(w -> w.startsWith(prefix)).toList();
    }

    @Override
    public IngestOutcome ingest(List<Path> files) {
        Instant began = time.instant();
        LocalDate day = LocalDate.ofInstant(began, zone);
        time.pass(slowIngest.getOrDefault(day, java.time.Duration.ofMinutes(3)));
        duringWork.accept("ingest");
        if (failingIngest.containsKey(day)) {
            calls.add(new Call("ingest failed", began, time.instant()));
            throw new ScheduledWorkFailedException(failingIngest.get(day));
        }
        Map<Path, String> rejected = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (Path file : files) {
            String text = read(file);
            names.add(file.getParent().getFileName() + "/" + file.getFileName());
            if (text.startsWith("UNREADABLE")) {
                rejected.put(file, "empty file: no header row");
            } else {
                ingested.add(Map.entry(file, text));
            }
        }
        calls.add(new Call("ingest " + names, began, time.instant()));
        return new IngestOutcome(rejected);
    }

    @Override
    public void metrics() {
        Instant began = time.instant();
        time.pass(java.time.Duration.ofMinutes(10));
        calls.add(new Call("metrics", began, time.instant()));
    }

    @Override
    public List<Path> report(ReportKind kind, ReportPeriod period) {
        Instant began = time.instant();
        time.pass(java.time.Duration.ofMinutes(2));
        calls.add(new Call("report " + kind + " " + period.label(), began, time.instant()));
        return List.of(Path.of(period.label(), kind + ".pdf"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
