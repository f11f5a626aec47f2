package io.commercemetrics.jobs.schedule;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * What the scheduler must remember across restarts, in a small properties file: the scheduled time
 * each trigger last fired for (so a run missed while it was down is caught up once, never twice) and
 * whether metrics are still owed after an ingest whose metrics failed. Every change is written to a
 * temporary file and moved over the old one, so a crash leaves either the old state or the new.
 */
public final class ScheduleState {

    private static final String METRICS_OWED = "metrics.owed";

    private final Path file;
    private final Properties values = new Properties();

    private ScheduleState(Path file) {
        this.file = file;
    }

    public static ScheduleState at(Path file) {
        ScheduleState state = new ScheduleState(file);
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                state.values.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the schedule's state " + file, e);
            }
        }
        return state;
    }

    /** The scheduled time the trigger last fired for, if it ever did. */
    public Optional<Instant> lastFired(String trigger) {
        return Optional.ofNullable(values.getProperty(trigger + ".last-fired")).map(Instant::parse);
    }

    public void fired(String trigger, Instant scheduled) {
        values.setProperty(trigger + ".last-fired", scheduled.toString());
        save();
    }

    public boolean metricsOwed() {
        return Boolean.parseBoolean(values.getProperty(METRICS_OWED));
    }

    public void metricsOwed(boolean owed) {
        values.setProperty(METRICS_OWED, Boolean.toString(owed));
        save();
    }

    private void save() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                values.store(out, "commerce-metrics schedule: when each trigger last fired (its scheduled time, UTC)");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the schedule's state " + file, e);
        }
    }
}
