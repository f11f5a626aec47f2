package io.commercemetrics.jobs.batch;

import io.commercemetrics.jobs.spark.SparkSessions;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import io.commercemetrics.jobs.spark.SparkTables;
import org.apache.spark.sql.SparkSession;
import org.springframework.stereotype.Component;

/**
 * Starts Spark only when a step first needs it: generate and export never pay for it. Spark's
 * scratch space is {@code <warehouse>/scratch/<run id>}, not /tmp: only writers (which hold the
 * warehouse lock) start Spark, so the scratch of any other run found there is a killed run's and is
 * removed first.
 */
@Component
public class SparkSessionProvider {

    private final RunContext run;
    private SparkSession session;
    private boolean owned;

    public SparkSessionProvider(RunContext run) {
        this.run = run;
    }

    public synchronized SparkSession get() {
        if (session == null) {
            run.progress("Starting Spark (" + (run.sparkMaster() == null ? SparkSessions.LOCAL_MASTER
                    : run.sparkMaster()) + ")...");
            // a session already running in this JVM (an embedding application, a test) is borrowed, not stopped
            owned = SparkSession.getDefaultSession().isEmpty();
            deleteTree(run.warehouse().scratchRoot());
            Path scratch = null;
            if (owned) {
                scratch = run.warehouse().scratch(run.runId());
                createFolder(scratch);
            }
            session = SparkSessions.getOrCreate(run.sparkMaster(), run.config().reporting().timeZone(), scratch,
                    run.config().hadoop());
        }
        return session;
    }

    /** Stops Spark with the run's context, so a command's JVM exits promptly. */
    @PreDestroy
    public synchronized void stop() {
        if (session != null) {
            SparkTables.release(session);
        }
        if (session != null && owned) {
            session.stop();
            deleteTree(run.warehouse().scratchRoot());
        }
        session = null;
    }

    private static void createFolder(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder, e);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + root, e);
        }
    }
}
