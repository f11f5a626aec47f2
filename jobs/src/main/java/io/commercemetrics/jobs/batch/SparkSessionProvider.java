package io.commercemetrics.jobs.batch;

import io.commercemetrics.jobs.spark.SparkSessions;
import jakarta.annotation.PreDestroy;
import org.apache.spark.sql.SparkSession;
import org.springframework.stereotype.Component;

/** Starts Spark only when a step first needs it: generate and export never pay for it. */
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
            session = SparkSessions.getOrCreate(run.sparkMaster(), run.config().reporting().timeZone());
        }
        return session;
    }

    /** Stops Spark with the run's context, so a command's JVM exits promptly. */
    @PreDestroy
    public synchronized void stop() {
        if (session != null && owned) {
            session.stop();
        }
        session = null;
    }
}
