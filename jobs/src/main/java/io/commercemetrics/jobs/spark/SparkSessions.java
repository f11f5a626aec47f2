package io.commercemetrics.jobs.spark;

import io.commercemetrics.warehouse.HadoopSettings;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * Creates the one SparkSession of a JVM. Local mode ({@code local[*]}) unless the user names a
 * master; the session time zone is the reporting time zone, so {@code to_date(ts)} is the local
 * date METRICS.md places every timestamp by.
 */
public final class SparkSessions {

    public static final String LOCAL_MASTER = "local[*]";

    private SparkSessions() {
    }

    /**
     * @param master      a Spark master URL ({@code local[*]}, {@code spark://host:7077}), or null for local
     * @param reportingTz the reporting time zone
     */
    public static SparkSession getOrCreate(String master, ZoneId reportingTz) {
        return getOrCreate(master, reportingTz, null);
    }

    /**
     * @param localDir Spark's scratch space (spark.local.dir: its {@code spark-*} and {@code blockmgr-*}
     *                 folders), or null for Spark's default, the JVM's temporary folder. A killed run
     *                 cannot remove them, so the caller names a folder it cleans
     */
    public static SparkSession getOrCreate(String master, ZoneId reportingTz, Path localDir) {
        return getOrCreate(master, reportingTz, localDir, HadoopSettings.NONE);
    }

    /**
     * @param hadoop the configuration's Hadoop settings (how to reach an {@code s3a://} warehouse):
     *               {@code spark.hadoop.*} of a new session, so its executors have them too
     */
    public static SparkSession getOrCreate(String master, ZoneId reportingTz, Path localDir, HadoopSettings hadoop) {
        SparkSession.Builder builder = SparkSession.builder()
                .appName("commerce-metrics")
                .config("spark.ui.enabled", "false")
                // Spark describes every query's plan for the UI, again after each adaptive re-plan, even
                // with the UI off; "formatted" (the default) was a tenth of a metrics run's CPU on small data
                .config("spark.sql.ui.explainMode", "simple")
                // compiled query code is kept by its source: a JVM that computes the tables again (the
                // scheduler, day after day; the tests) compiles a query once, not once per run (default 100)
                .config("spark.sql.codegen.cache.maxEntries", "2000")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.sql.adaptive.enabled", "true")
                .config("spark.sql.session.timeZone", reportingTz.getId())
                .config("spark.sql.ansi.enabled", "true")
                // rows carry java.time values (Instant, LocalDate), as the export formatter expects
                .config("spark.sql.datetime.java8API.enabled", "true")
                .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
                .config("spark.sql.sources.partitionOverwriteMode", "dynamic")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "127.0.0.1");
        if (localDir != null) {
            builder.config("spark.local.dir", localDir.toString());
        }
        hadoop.settings().forEach((key, value) -> builder.config("spark.hadoop." + key, value));
        String chosen = master == null || master.isBlank() ? LOCAL_MASTER : master;
        builder.master(chosen);
        if (!chosen.startsWith("local")) {
            // executors on a cluster need this application's classes (SQL functions, Dataset code)
            applicationJar().ifPresent(jar -> builder.config("spark.jars", jar));
        }
        SparkSession spark = builder.getOrCreate();
        // a session borrowed from the JVM (a test, an embedding application) started without them
        hadoop.settings().forEach(spark.sparkContext().hadoopConfiguration()::set);
        // Log levels come from logback.xml: Spark's setLogLevel assumes log4j-core, which Boot replaces.
        // getOrCreate returns an existing session as it is: apply the zone of this run to it
        spark.conf().set("spark.sql.session.timeZone", reportingTz.getId());
        return spark;
    }

    /**
     * The runnable jar and the project's own jars beside it in {@code lib/} (Spark and the other
     * libraries are on the cluster already), or empty when running from classes (tests, an IDE).
     */
    static Optional<String> applicationJar() {
        try {
            Path self = Path.of(SparkSessions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(self) || !self.toString().endsWith(".jar")) {
                return Optional.empty();
            }
            List<String> jars = new ArrayList<>();
            jars.add(self.toString());
            Path lib = self.resolveSibling("lib");
            if (Files.isDirectory(lib)) {
                try (Stream<Path> files = Files.list(lib)) {
                    files.filter(f -> f.getFileName().toString().matches("(schemas|warehouse|reports)-.*\\.jar"))
                            .sorted().forEach(f -> jars.add(f.toString()));
                }
            }
            return Optional.of(String.join(",", jars));
        } catch (URISyntaxException | IOException | SecurityException e) {
            return Optional.empty();
        }
    }
}
