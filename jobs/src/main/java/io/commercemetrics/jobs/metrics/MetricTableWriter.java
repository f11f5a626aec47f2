package io.commercemetrics.jobs.metrics;

import io.commercemetrics.jobs.spark.SparkTables;
import io.commercemetrics.schemas.TableSchema;
import io.commercemetrics.warehouse.TableIds;
import org.apache.iceberg.Snapshot;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Commits a computed metric table as the new snapshot of {@code metrics.<table>}, with exactly the
 * contract's columns and types, in one small file: readers keep the snapshot of the run they read,
 * and a rerun replaces the table whole.
 */
public final class MetricTableWriter {

    private final SparkTables tables;

    public MetricTableWriter(SparkTables tables) {
        this.tables = tables;
    }

    /** @return the snapshot committed */
    public Snapshot write(TableSchema table, Dataset<Row> rows) {
        // metric tables are small: one file each, not one per shuffle partition
        return tables.replace(TableIds.metric(table.name()), table, rows.coalesce(1));
    }
}
