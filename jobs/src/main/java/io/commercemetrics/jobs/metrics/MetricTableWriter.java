package io.commercemetrics.jobs.metrics;

import static org.apache.spark.sql.functions.col;

import io.commercemetrics.jobs.warehouse.AtomicPublisher;
import io.commercemetrics.jobs.warehouse.Warehouse;
import io.commercemetrics.schemas.SparkSchemas;
import io.commercemetrics.schemas.TableSchema;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Writes a computed metric table to {@code metrics/<table>/} with exactly the contract's columns
 * and types, aside first and then renamed into place: readers never see half a table, and a rerun
 * replaces the table whole.
 */
public final class MetricTableWriter {

    private final Warehouse warehouse;
    private final String runId;

    public MetricTableWriter(Warehouse warehouse, String runId) {
        this.warehouse = warehouse;
        this.runId = runId;
    }

    /** @return the number of rows written */
    public long write(TableSchema table, Dataset<Row> rows) {
        List<String> actual = Arrays.asList(rows.columns());
        if (!actual.equals(table.columnNames())) {
            throw new IllegalStateException(table.name() + " has columns " + actual + ", the contract says "
                    + table.columnNames());
        }
        Column[] typed = table.fields().stream()
                .map(f -> col(f.name()).cast(SparkSchemas.toDataType(f.type())).as(f.name()))
                .toArray(Column[]::new);
        Dataset<Row> contract = rows.select(typed).coalesce(1).cache();
        try {
            var staging = AtomicPublisher.stagingFor(warehouse.metric(table.name()), runId);
            contract.write().mode(SaveMode.Overwrite).parquet(staging.toString());
            AtomicPublisher.publish(staging, warehouse.metric(table.name()));
            return contract.count();
        } finally {
            contract.unpersist();
        }
    }
}
