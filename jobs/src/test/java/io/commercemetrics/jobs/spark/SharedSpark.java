package io.commercemetrics.jobs.spark;

import java.time.ZoneId;
import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession of the test JVM, created on first use with two local threads and stopped
 * when the JVM exits. Tests that need another reporting time zone set
 * {@code spark.sql.session.timeZone} themselves (see {@link #withTimeZone}).
 */
public final class SharedSpark {

    private static SparkSession session;

    private SharedSpark() {
    }

    public static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSessions.getOrCreate("local[2]", ZoneId.of("UTC"));
            session.conf().set("spark.sql.shuffle.partitions", "2");
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
        }
        return session;
    }

    public static SparkSession withTimeZone(ZoneId zone) {
        SparkSession spark = session();
        spark.conf().set("spark.sql.session.timeZone", zone.getId());
        return spark;
    }
}
