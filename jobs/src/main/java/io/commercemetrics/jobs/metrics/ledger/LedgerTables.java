package io.commercemetrics.jobs.metrics.ledger;

import io.commercemetrics.schemas.MetricTables;
import io.commercemetrics.schemas.TableSchema;
import java.util.LinkedHashMap;
import java.util.Map;
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

    /** Each table by its schema, in the order they are written (each after those it reads). */
    public Map<TableSchema, Dataset<Row>> byTable() {
        Map<TableSchema, Dataset<Row>> tables = new LinkedHashMap<>();
        tables.put(MetricTables.ORDER_ATTRIBUTION, orderAttribution);
        tables.put(MetricTables.COMMISSION_LINES, commissionLines);
        tables.put(MetricTables.COMMISSION_REVERSALS, commissionReversals);
        tables.put(MetricTables.COMMISSION_STATEMENT, commissionStatement);
        tables.put(MetricTables.RECONCILIATION, reconciliation);
        tables.put(MetricTables.COMMISSION_ADJUSTMENTS, commissionAdjustments);
        return tables;
    }
}
