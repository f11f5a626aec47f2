package io.commercemetrics.jobs.metrics;

import io.commercemetrics.jobs.spark.Materialized;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Runs the metric SQL kept one file per table under {@code resources/metrics/<name>.sql}. Values
 * are bound as named parameters ({@code :data_end}), never pasted into the text.
 */
public final class MetricQueries {

    private MetricQueries() {
    }

    public static String text(String name) {
        String resource = "/metrics/" + name + ".sql";
        try (InputStream in = MetricQueries.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no metric query " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Dataset<Row> run(SparkSession spark, String name, Map<String, Object> parameters) {
        return spark.sql(text(name), parameters);
    }

    /**
     * Runs the query and registers its result as a temp view of the same name for later queries,
     * materialized: a view exists because several tables read it, and each would compute (and plan)
     * it again.
     */
    public static Dataset<Row> runAsView(SparkSession spark, String name, Map<String, Object> parameters) {
        Dataset<Row> result = Materialized.of(run(spark, name, parameters));
        result.createOrReplaceTempView(name);
        return result;
    }
}
