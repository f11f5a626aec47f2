package io.commercemetrics.jobs.metrics;

import io.commercemetrics.jobs.config.PipelineConfig;
import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;

/**
 * What every metric computation gets: the session (whose time zone is the reporting zone and in
 * which the raw tables are registered as temp views named after their source: {@code orders},
 * {@code order_lines}, ...), the configuration in force, the data end and the reporting currency.
 *
 * @param dataEnd           METRICS.md "Data end": nothing dated after it counts anywhere
 * @param reportingCurrency the configured one, or the data's only currency
 */
public record MetricsContext(SparkSession spark, PipelineConfig config, LocalDate dataEnd,
                             String reportingCurrency) {
}
