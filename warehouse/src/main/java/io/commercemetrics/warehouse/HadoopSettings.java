package io.commercemetrics.warehouse;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;

/**
 * The Hadoop settings of the configuration's {@code hadoop:} map ({@code fs.s3a.endpoint},
 * {@code fs.s3a.path.style.access}, ...): how to reach the file system of a remote warehouse. Every
 * Hadoop configuration the product opens tables with is made from them: the catalog's (export,
 * reports, close, expire), and Spark's ({@code spark.hadoop.*}, driver and executors).
 *
 * <p>No credential is accepted here: the configuration is recorded with every run (the warehouse's
 * {@code config.yaml}, manifests, the job repository). Credentials come from the environment
 * ({@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}) or an instance profile, which S3A's
 * default credential chain reads.
 *
 * @param settings Hadoop keys to values, in key order
 */
public record HadoopSettings(Map<String, String> settings) {

    /** No setting: Hadoop's defaults and what {@code core-site.xml} on the class path says. */
    public static final HadoopSettings NONE = new HadoopSettings(Map.of());

    /** A key naming a secret: an access or secret key, a session token, a password. */
    private static final Pattern SECRET = Pattern.compile("(secret|password|access\\.key|session\\.token)");

    public HadoopSettings {
        for (String key : settings.keySet()) {
            if (SECRET.matcher(key.toLowerCase(Locale.ROOT)).find()) {
                throw new IllegalArgumentException("hadoop." + key + ": credentials are never read from the "
                        + "configuration, which every run records; set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY "
                        + "(and AWS_SESSION_TOKEN) in the environment, or use an instance profile");
            }
        }
        settings = java.util.Collections.unmodifiableMap(new TreeMap<>(settings));
    }

    /** A new Hadoop configuration (defaults and {@code core-site.xml} first) with these settings over it. */
    public Configuration configuration() {
        Configuration configuration = new Configuration();
        settings.forEach(configuration::set);
        return configuration;
    }
}
