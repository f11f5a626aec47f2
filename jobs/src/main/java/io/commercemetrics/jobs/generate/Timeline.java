package io.commercemetrics.jobs.generate;

import java.util.PriorityQueue;

/**
 * The simulation's clock: actions run in order of time, then of kind (a click before an order
 * at the same second, so that attribution sees it), then of scheduling. Actions past the end of
 * the data are never scheduled: an export cannot hold the future.
 */
final class Timeline {

    /** What runs first when several things happen at the same second. */
    enum Kind { SHARE, CLICK, ORDER, UPDATE }

    private record Scheduled(long epochSecond, int kind, long sequence, Runnable action)
            implements Comparable<Scheduled> {
        @Override
        public int compareTo(Scheduled other) {
            int c = Long.compare(epochSecond, other.epochSecond);
            if (c == 0) {
                c = Integer.compare(kind, other.kind);
            }
            return c != 0 ? c : Long.compare(sequence, other.sequence);
        }
    }

    private final PriorityQueue<Scheduled> queue = new PriorityQueue<>();
    private final long endExclusive;
    private long sequence;

    /** @param endExclusive the first second after the data end */
    Timeline(long endExclusive) {
        this.endExclusive = endExclusive;
    }

    /** @return false when the time is past the data end and nothing was scheduled */
    boolean at(long epochSecond, Kind kind, Runnable action) {
        if (epochSecond >= endExclusive) {
            return false;
        }
        queue.add(new Scheduled(epochSecond, kind.ordinal(), sequence++, action));
        return true;
    }

    boolean withinData(long epochSecond) {
        return epochSecond < endExclusive;
    }

    /** Runs every action due before {@code epochSecond}, including those they schedule. */
    void runUntil(long epochSecond) {
        while (!queue.isEmpty() && queue.peek().epochSecond() < epochSecond) {
            queue.poll().action().run();
        }
    }
}
