package io.commercemetrics.jobs.spark;

import java.time.ZoneId;
import org.apache.spark.sql.SparkSession;

/**
 * The one local SparkSession of a test JVM, created on first use with two local threads and stopped
 * when the JVM exits. Tests that need another reporting time zone set
 * {@code spark.sql.session.timeZone} themselves (see {@link #withTimeZone}).
 *
 * <p>A JVM holds one SparkContext at a time, and the test JVMs are shared by every test class
 * (surefire's forks are reused). The cluster tests need a session against their own standalone
 * master, so they {@link #stopForAnotherMaster() stop} this one first; the next test that asks for
 * the local session gets a new one.
 */
public final class SharedSpark {

    private static SparkSession session;
    private static boolean hookInstalled;

    private SharedSpark() {
    }

    public static synchronized SparkSession session() {
        if (session == null || session.sparkContext().isStopped()) {
            session = SparkSessions.getOrCreate("local[2]", ZoneId.of("UTC"));
            session.conf().set("spark.sql.shuffle.partitions", "2");
            if (!hookInstalled) {
                Runtime.getRuntime().addShutdownHook(new Thread(SharedSpark::stopForAnotherMaster));
                hookInstalled = true;
            }
        }
        return session;
    }

    public static SparkSession withTimeZone(ZoneId zone) {
        SparkSession spark = session();
        spark.conf().set("spark.sql.session.timeZone", zone.getId());
        return spark;
    }

    /**
     * Stops the local session, and any other this JVM holds as its default or active one, so that
     * a session against another master can be created (the product's sessions are got with
     * {@code getOrCreate}, which would otherwise return the running local one).
     */
    public static synchronized void stopForAnotherMaster() {
        if (SparkSession.getDefaultSession().isDefined()) {
            SparkSession.getDefaultSession().get().stop();
        }
        if (SparkSession.getActiveSession().isDefined()) {
            SparkSession.getActiveSession().get().stop();
        }
        if (session != null) {
            session.stop();
        }
        SparkSession.clearDefaultSession();
        SparkSession.clearActiveSession();
        session = null;
    }
}
