package io.commercemetrics.warehouse;

import io.commercemetrics.schemas.Field;
import io.commercemetrics.schemas.TableSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Reads one snapshot of a warehouse table without Spark (Iceberg's generic readers, Parquet through
 * parquet-hadoop) into rows of Java values in the contract's column order: STRING to String, INT
 * to Integer, LONG to Long, DECIMAL and RATIO to BigDecimal, DATE to LocalDate, TIMESTAMP to
 * Instant, BOOLEAN to Boolean.
 */
public final class TableReader {

    private final WarehouseCatalog catalog;

    public TableReader(WarehouseCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param snapshotId the snapshot to read; null reads nothing (a table that was empty and never
     *                   written)
     */
    public List<Object[]> read(TableIdentifier id, Long snapshotId, TableSchema contract) {
        if (snapshotId == null) {
            return List.of();
        }
        Table table = catalog.load(id).orElseThrow(() -> new IllegalStateException("no table " + id
                + " in the warehouse catalog (" + catalog.tablesLocation() + ")"));
        if (table.snapshot(snapshotId) == null) {
            throw new IllegalStateException("snapshot " + snapshotId + " of " + id
                    + " is no longer kept (expired): that run cannot be read again");
        }
        List<Object[]> rows = new ArrayList<>();
        try (CloseableIterable<Record> records = IcebergGenerics.read(table).useSnapshot(snapshotId).build()) {
            for (Record record : records) {
                rows.add(toRow(record, contract));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + id + " at snapshot " + snapshotId, e);
        }
        return rows;
    }

    /**
     * Whether {@link #read} can read the snapshot: true for null (nothing to read), false when the
     * table is gone or the snapshot expired. Lets a caller skip an expired run instead of failing.
     */
    public boolean isKept(TableIdentifier id, Long snapshotId) {
        return snapshotId == null || catalog.load(id).map(table -> table.snapshot(snapshotId) != null).orElse(false);
    }

    /** The current snapshot of a table; empty when the table does not exist or was never written. */
    public List<Object[]> readCurrent(TableIdentifier id, TableSchema contract) {
        return catalog.exists(id) ? read(id, catalog.currentSnapshotId(id), contract) : List.of();
    }

    private static Object[] toRow(Record record, TableSchema contract) {
        Object[] row = new Object[contract.fields().size()];
        for (int i = 0; i < row.length; i++) {
            Field field = contract.fields().get(i);
            Object value = record.getField(field.name());
            row[i] = value instanceof OffsetDateTime time ? time.toInstant()
                    : value instanceof CharSequence text ? text.toString() : value;
        }
        return row;
    }
}
