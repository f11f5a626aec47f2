package io.commercemetrics.jobs.schedule;

import java.time.Duration;
import sun.misc.Signal;

/**
 * Stops a running scheduler cleanly on SIGTERM (systemd, Kubernetes, {@code kill}) and SIGINT
 * (Ctrl-C): no further trigger is taken and the one running finishes. A handler rather than only a
 * shutdown hook: once the JVM shuts down, Spark's own hook stops its context under the run in
 * flight, so the signal must not start the shutdown; the scheduler returns, then the process exits.
 * The shutdown hook covers the other ways a JVM ends (SIGHUP, {@code System.exit} elsewhere).
 */
public final class StopOnSignal {

    /** How long the shutdown hook lets a run in flight go on; systemd's default stop timeout is 90 s. */
    static final Duration SHUTDOWN_GRACE = Duration.ofMinutes(10);

    private StopOnSignal() {
    }

    public static void install(Scheduler scheduler) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> scheduler.requestStop());
            } catch (IllegalArgumentException e) {
                // the signal is reserved (-Xrs, or a platform without it): the shutdown hook still stops
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            scheduler.requestStop();
            try {
                scheduler.awaitStopped(SHUTDOWN_GRACE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "schedule-shutdown"));
    }
}
