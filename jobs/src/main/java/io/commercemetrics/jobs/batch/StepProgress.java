package io.commercemetrics.jobs.batch;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import io.commercemetrics.jobs.ingest.ReadProgress;

/**
 * Progress of the step in flight, for a step that runs longer than a few seconds: rows read so far
 * (ingest counts every record as it reads it), their rate, the time elapsed, what the step is at
 * (the table metrics is computing) and, where the amount of work is known, the time left. On a
 * terminal one line is rewritten in place; otherwise (a log file, cron) a plain line now and then.
 */
public final class StepProgress implements AutoCloseable {

    private final ReadProgress reading = new ReadProgress();
    private final PrintStream out;
    private final boolean terminal;
    private final Duration first;
    private final Duration every;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "step-progress");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledFuture<?> ticking;
    private volatile String step;
    private volatile String doing;
    private volatile long startedNanos;
    private volatile long startRows;
    private volatile long startBytes;
    private volatile boolean shown;

    /** Shown after 5 s of a step, then every second on a terminal, every 15 s elsewhere. */
    public StepProgress(PrintStream out, boolean terminal) {
        this(out, terminal, Duration.ofSeconds(5), terminal ? Duration.ofSeconds(1) : Duration.ofSeconds(15));
    }

    StepProgress(PrintStream out, boolean terminal, Duration first, Duration every) {
        this.out = out;
        this.terminal = terminal;
        this.first = first;
        this.every = every;
    }

    /** What ingest counts as it reads: records, bytes, and the bytes its step reads in all. */
    public ReadProgress reading() {
        return reading;
    }

    /** What the step is at now ("traffic_cost"), shown beside the time. */
    public void doing(String what) {
        doing = what;
    }

    synchronized void started(String stepName) {
        finished();
        step = stepName;
        doing = null;
        reading.stepStarted();
        startRows = reading.rows();
        startBytes = reading.bytes();
        startedNanos = System.nanoTime();
        ticking = ticker.scheduleAtFixedRate(this::show, first.toMillis(), every.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    synchronized void finished() {
        if (ticking != null) {
            ticking.cancel(false);
            ticking = null;
        }
        if (terminal && shown) {
            // the step's own lines follow on a clean line
            out.print("\r\033[K");
            out.flush();
        }
        shown = false;
    }

    private synchronized void show() {
        if (ticking == null) {
            return;
        }
        String line = line(step, reading.rows() - startRows, Duration.ofNanos(System.nanoTime() - startedNanos), doing,
                reading.bytes() - startBytes, reading.expectedBytes());
        if (terminal) {
            out.print("\r\033[K" + line);
        } else {
            out.println(line);
        }
        out.flush();
        shown = true;
    }

    /**
     * e.g. "ingest-orders: 1,204,000 rows read, 401,333 rows/s, 3 s, about 9 s left" or
     * "metrics-analytics: traffic_cost, 25 s". The time left is shown where the work is known in
     * bytes (ingest knows the sizes of the files it reads) and assumes the rate so far goes on.
     */
    static String line(String step, long rowsDone, Duration elapsed, String doing, long bytesDone,
                       long bytesExpected) {
        StringBuilder text = new StringBuilder("  ").append(step).append(": ");
        if (rowsDone > 0) {
            double seconds = Math.max(0.001, elapsed.toMillis() / 1000.0);
            text.append(String.format("%,d rows read, %,.0f rows/s, ", rowsDone, rowsDone / seconds));
        }
        if (doing != null) {
            text.append(doing).append(", ");
        }
        text.append(elapsed.toSeconds()).append(" s");
        if (bytesExpected > 0 && bytesDone > 0 && bytesDone < bytesExpected) {
            long left = Math.round(elapsed.toMillis() / 1000.0 * (bytesExpected - bytesDone) / bytesDone);
            left = Math.max(1, left);
            text.append(", about ").append(left < 60 ? left + " s" : ElapsedTime.shown(Duration.ofSeconds(left)))
                    .append(" left");
        }
        return text.toString();
    }

    @Override
    public void close() {
        finished();
        ticker.shutdownNow();
    }
}
