package io.commercemetrics.jobs.metrics.analytics;

import io.commercemetrics.schemas.MetricTables;
import io.commercemetrics.schemas.TableSchema;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The analytical tables of METRICS.md, each with exactly the columns of its {@code MetricTables} schema. */
public record AnalyticsTables(Dataset<Row> repurchaseCohort, Dataset<Row> repeatRate,
                              Dataset<Row> cohortRetention, Dataset<Row> trafficCost,
                              Dataset<Row> socialSpread, Dataset<Row> viralCoefficient,
                              Dataset<Row> reviewSummary, Dataset<Row> trustEffect) {

    /** Each table by its schema, in the order they are written. */
    public Map<TableSchema, Dataset<Row>> byTable() {
        Map<TableSchema, Dataset<Row>> tables = new LinkedHashMap<>();
        tables.put(MetricTables.REPURCHASE_COHORT, repurchaseCohort);
        tables.put(MetricTables.REPEAT_RATE, repeatRate);
        tables.put(MetricTables.COHORT_RETENTION, cohortRetention);
        tables.put(MetricTables.TRAFFIC_COST, trafficCost);
        tables.put(MetricTables.SOCIAL_SPREAD, socialSpread);
        tables.put(MetricTables.VIRAL_COEFFICIENT, viralCoefficient);
        tables.put(MetricTables.REVIEW_SUMMARY, reviewSummary);
        tables.put(MetricTables.TRUST_EFFECT, trustEffect);
        return tables;
    }
}
