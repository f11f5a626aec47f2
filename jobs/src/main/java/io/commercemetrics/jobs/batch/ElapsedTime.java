package io.commercemetrics.jobs.batch;

import java.time.Duration;

/** How long something took, as every command and the scheduler print it: {@code 4.2 s}, {@code 3 min 05 s}. */
public final class ElapsedTime {

    private ElapsedTime() {
    }

    public static String shown(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds < 60 ? String.format("%.1f s", duration.toMillis() / 1000.0)
                : String.format("%d min %02d s", seconds / 60, seconds % 60);
    }
}
