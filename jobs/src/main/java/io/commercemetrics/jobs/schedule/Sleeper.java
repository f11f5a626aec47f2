package io.commercemetrics.jobs.schedule;

import java.time.Duration;

/**
 * How the scheduler waits for its next trigger: a real nap in production, a step of a controllable
 * clock in tests. {@link #wake} ends a nap early (a stop was asked for).
 */
public interface Sleeper {

    void sleep(Duration duration);

    void wake();

    /** Waits on the wall clock, and wakes at once when asked. */
    static Sleeper real() {
        return new Sleeper() {
            private final Object alarm = new Object();
            private boolean woken;

            @Override
            public void sleep(Duration duration) {
                synchronized (alarm) {
                    long deadline = System.nanoTime() + duration.toNanos();
                    try {
                        for (long left = duration.toNanos(); !woken && left > 0; left = deadline - System.nanoTime()) {
                            alarm.wait(Math.max(1, left / 1_000_000));
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }

            @Override
            public void wake() {
                synchronized (alarm) {
                    woken = true;
                    alarm.notifyAll();
                }
            }
        };
    }
}
