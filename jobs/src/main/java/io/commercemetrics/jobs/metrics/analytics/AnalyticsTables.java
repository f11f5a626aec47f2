package io.commercemetrics.jobs.metrics.analytics;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The analytical tables of METRICS.md, each with exactly the columns of its {@code MetricTables} schema. */
public record AnalyticsTables(Dataset<Row> repurchaseCohort, Dataset<Row> repeatRate,
                              Dataset<Row> cohortRetention, Dataset<Row> trafficCost,
                              Dataset<Row> socialSpread, Dataset<Row> viralCoefficient,
                              Dataset<Row> reviewSummary, Dataset<Row> trustEffect) {
}
