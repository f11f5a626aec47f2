package io.commercemetrics.jobs.metrics.ledger;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The six ledger tables of METRICS.md ("Referral attribution and fission", "Commissions and
 * reconciliation", and commission_adjustments of "Closed months and adjustments"), each with exactly
 * the columns and types of its {@code MetricTables} schema.
 */
public record LedgerTables(Dataset<Row> orderAttribution, Dataset<Row> commissionLines,
                           Dataset<Row> commissionReversals, Dataset<Row> commissionStatement,
                           Dataset<Row> reconciliation, Dataset<Row> commissionAdjustments) {
}
