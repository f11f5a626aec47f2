package io.commercemetrics.jobs.schedule;

import io.commercemetrics.jobs.batch.ElapsedTime;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Fires the triggers of the configuration's {@code schedule:} section, one at a time: a trigger that
 * falls due while another runs waits for it, so two runs never overlap, and however many of its
 * times passed meanwhile (a long run, or the scheduler down for days) it runs once, for the latest.
 * The time each trigger last fired for is kept in {@link ScheduleState}, so a restart catches up
 * what it missed, once. Time comes from a {@link Clock} and waiting from a {@link Sleeper}, so a test
 * drives it through weeks without waiting.
 */
public final class Scheduler {

    /** The longest nap: a wall clock set forward (or a machine woken from sleep) is noticed within a minute. */
    static final Duration LONGEST_NAP = Duration.ofMinutes(1);
    /** How far back a trigger that never fired looks for its latest time: on a first start it runs once. */
    static final Duration FIRST_START_LOOK_BACK = Duration.ofDays(366);

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

    private final List<Trigger> triggers;
    private final ScheduledTasks tasks;
    private final ScheduleState state;
    private final Clock clock;
    private final ZoneId zone;
    private final Sleeper sleeper;
    private final Consumer<String> log;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopRequested;

    /**
     * @param zone the reporting time zone: the cron expressions' and the report periods'
     * @param log  receives one line per event, time-stamped here
     */
    public Scheduler(List<Trigger> triggers, Path inbox, ScheduledWork work, ReportListener listener,
                     ScheduleState state, Clock clock, ZoneId zone, Sleeper sleeper, Consumer<String> log) {
        this.triggers = List.copyOf(triggers);
        this.tasks = new ScheduledTasks(new Inbox(inbox), work, listener, state);
        this.state = state;
        this.clock = clock;
        this.zone = zone;
        this.sleeper = sleeper;
        this.log = log;
    }

    /** Fires triggers as they fall due until {@link #requestStop}; the trigger running then finishes first. */
    public void run() {
        try {
            log("scheduler started in " + zone + ": " + triggers);
            while (!stopRequested) {
                ZonedDateTime now = now();
                Optional<Trigger> due = triggers.stream().filter(t -> dueTime(t, now).isPresent()).findFirst();
                if (due.isPresent()) {
                    fire(due.get(), dueTime(due.get(), now).orElseThrow());
                } else {
                    sleeper.sleep(min(untilNextFire(now), LONGEST_NAP));
                }
            }
            log("scheduler stopped");
        } finally {
            stopped.countDown();
        }
    }

    /**
     * Fires every trigger due now once, in the configuration's order, and returns whether all of them
     * succeeded ({@code schedule --once}, for cron or a Kubernetes CronJob).
     */
    public boolean runOnce() {
        try {
            ZonedDateTime now = now();
            List<Trigger> due = triggers.stream().filter(t -> dueTime(t, now).isPresent()).toList();
            log(due.isEmpty() ? "no trigger due now" : "due now: " + due);
            boolean succeeded = true;
            for (Trigger trigger : due) {
                if (!stopRequested) {
                    succeeded &= fire(trigger, dueTime(trigger, now).orElseThrow());
                }
            }
            return succeeded;
        } finally {
            stopped.countDown();
        }
    }

    /** Takes no further trigger; the one running goes on to its end. Safe from any thread. */
    public void requestStop() {
        if (!stopRequested) {
            stopRequested = true;
            log("stop requested: no further trigger is taken; the one running, if any, finishes first");
        }
        sleeper.wake();
    }

    /** Waits until {@link #run} or {@link #runOnce} returned; false when the time ran out first. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The latest time at or before now the trigger should have fired for and has not, if any. */
    Optional<ZonedDateTime> dueTime(Trigger trigger, ZonedDateTime now) {
        ZonedDateTime after = state.lastFired(trigger.name()).map(i -> i.atZone(zone))
                .orElse(now.minus(FIRST_START_LOOK_BACK));
        ZonedDateTime latest = null;
        for (ZonedDateTime next = trigger.cron().next(after); next != null && !next.isAfter(now);
             next = trigger.cron().next(next)) {
            latest = next;
        }
        return Optional.ofNullable(latest);
    }

    private boolean fire(Trigger trigger, ZonedDateTime scheduled) {
        Instant started = clock.instant();
        log(trigger.name() + ": started (scheduled for " + SHOWN.format(scheduled) + ")");
        boolean succeeded;
        try {
            String outcome = tasks.run(trigger.task(), scheduled.toLocalDate());
            log(trigger.name() + ": done in " + took(started) + ": " + outcome);
            succeeded = true;
        } catch (RuntimeException e) {
            // the scheduler outlives a failed run: the next fire time tries again, the log says why
            log(trigger.name() + ": FAILED after " + took(started) + ": " + e.getMessage());
            succeeded = false;
        }
        state.fired(trigger.name(), scheduled.toInstant());
        return succeeded;
    }

    private Duration untilNextFire(ZonedDateTime now) {
        return triggers.stream().map(t -> t.cron().next(now)).filter(java.util.Objects::nonNull)
                .map(next -> Duration.between(now, next)).min(Duration::compareTo).orElse(LONGEST_NAP);
    }

    private ZonedDateTime now() {
        return clock.instant().atZone(zone);
    }

    private String took(Instant started) {
        return ElapsedTime.shown(Duration.between(started, clock.instant()));
    }

    private void log(String line) {
        log.accept(SHOWN.format(now()) + " " + line);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
