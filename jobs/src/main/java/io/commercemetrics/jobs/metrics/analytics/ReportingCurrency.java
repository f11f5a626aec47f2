package io.commercemetrics.jobs.metrics.analytics;

import io.commercemetrics.jobs.config.PipelineConfig;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * METRICS.md "Currencies": the configured reporting currency, else the data's only currency over
 * orders, refunds and traffic; several currencies and none configured stop the run.
 */
public final class ReportingCurrency {

    private ReportingCurrency() {
    }

    public static String resolve(SparkSession spark, PipelineConfig config) {
        String configured = config.reporting().currency();
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        List<String> found = spark.sql("""
                SELECT currency FROM orders
                UNION SELECT currency FROM refunds
                UNION SELECT currency FROM traffic
                ORDER BY currency""").collectAsList().stream().map(row -> row.getString(0)).toList();
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("no currency in the data: configure reporting.currency");
        }
        throw new IllegalStateException("the data holds several currencies " + String.join(", ", found)
                + " and no reporting currency is configured: set reporting.currency");
    }
}
