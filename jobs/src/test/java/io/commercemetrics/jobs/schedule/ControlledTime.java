package io.commercemetrics.jobs.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

/**
 * A clock a test moves, and the sleeper that moves it: a nap advances the clock at once, doing on the
 * way what the test planned (a platform dropping a file), and asks the scheduler to stop at the horizon.
 */
final class ControlledTime extends Clock implements Sleeper {

    private Instant now;
    private final TreeMap<Instant, Runnable> events = new TreeMap<>();
    private Instant horizon = Instant.MAX;
    private Scheduler scheduler;

    ControlledTime(Instant start) {
        this.now = start;
    }

    /** The scheduler to stop when the clock reaches {@code horizon}. */
    void runUntil(Scheduler scheduler, Instant horizon) {
        this.scheduler = scheduler;
        this.horizon = horizon;
        scheduler.run();
    }

    void at(Instant when, Runnable event) {
        events.merge(when, event, (a, b) -> () -> {
            a.run();
            b.run();
        });
    }

    /** Time passing without any scheduler (it is down), events included. */
    void passTo(Instant later) {
        moveTo(later);
    }

    /** Work taking this long. */
    void pass(Duration duration) {
        moveTo(now.plus(duration));
    }

    private void moveTo(Instant target) {
        for (Map.Entry<Instant, Runnable> event = events.firstEntry(); event != null && !event.getKey().isAfter(target);
             event = events.firstEntry()) {
            events.pollFirstEntry();
            now = event.getKey();
            event.getValue().run();
        }
        now = target;
    }

    @Override
    public void sleep(Duration duration) {
        Instant target = now.plus(duration);
        moveTo(target.isAfter(horizon) ? horizon : target);
        if (!now.isBefore(horizon)) {
            scheduler.requestStop();
        }
    }

    @Override
    public void wake() {
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}
