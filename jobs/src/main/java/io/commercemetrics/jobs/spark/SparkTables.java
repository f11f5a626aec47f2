package io.commercemetrics.jobs.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.commercemetrics.schemas.SparkSchemas;
import io.commercemetrics.schemas.TableSchema;
import io.commercemetrics.warehouse.WarehouseCatalog;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;

/**
 * The warehouse's Iceberg tables as Spark sees them: the catalog registered in the session under
 * its own name ({@code spark.sql.catalog.<name>}), tables read at a snapshot, and a table's content
 * replaced in one commit. A session may know several warehouses' catalogs (tests do); each keeps
 * its name.
 */
public final class SparkTables {

    /** The snapshot property naming the run that committed a snapshot. */
    public static final String RUN_ID_PROPERTY = "commerce-metrics.run-id";

    /** The catalogs registered in this JVM's sessions, to release when a command is done. */
    private static final java.util.Set<String> REGISTERED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final SparkSession spark;
    private final WarehouseCatalog catalog;
    private final String runId;

    /** For reading only: nothing it commits would say which run it was. */
    public SparkTables(SparkSession spark, WarehouseCatalog catalog) {
        this(spark, catalog, null);
    }

    /** @param runId the run whose commits these are, recorded in each snapshot's summary */
    public SparkTables(SparkSession spark, WarehouseCatalog catalog, String runId) {
        this.spark = spark;
        this.catalog = catalog;
        this.runId = runId;
        String prefix = "spark.sql.catalog." + catalog.name();
        spark.conf().set(prefix, "org.apache.iceberg.spark.SparkCatalog");
        for (Map.Entry<String, String> property : catalog.sparkProperties().entrySet()) {
            spark.conf().set(prefix + "." + property.getKey(), property.getValue());
        }
        REGISTERED.add(catalog.name());
    }

    /**
     * Closes the database connections of the warehouse catalogs Spark opened in this session and
     * forgets them; they are opened again when next used. Called when a command's Spark work is
     * done: a session outlives the command when it is borrowed (an embedding application, tests),
     * and its catalogs' connection pools would keep the embedded H2 file open, locking out every
     * other process.
     */
    public static void release(SparkSession spark) {
        var manager = ((org.apache.spark.sql.classic.SparkSession) spark).sessionState().catalogManager();
        for (String name : java.util.List.copyOf(REGISTERED)) {
            if (manager.isCatalogRegistered(name)
                    && manager.catalog(name) instanceof org.apache.iceberg.spark.SparkCatalog sparkCatalog
                    && sparkCatalog.icebergCatalog() instanceof java.io.Closeable closeable) {
                try {
                    closeable.close();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("cannot close catalog " + name, e);
                }
            }
            REGISTERED.remove(name);
        }
        manager.reset();
    }

    public SparkSession spark() {
        return spark;
    }

    public WarehouseCatalog catalog() {
        return catalog;
    }

    /** The name Spark SQL knows a table by, e.g. {@code cm_0123456789ab.metrics.repeat_rate}. */
    public String name(TableIdentifier id) {
        return catalog.name() + "." + id;
    }

    /**
     * A table at one snapshot with the contract's columns; a null snapshot (a table never written)
     * reads as an empty table with those columns.
     */
    public Dataset<Row> read(TableIdentifier id, Long snapshotId, TableSchema contract) {
        if (snapshotId == null) {
            return empty(contract);
        }
        return select(spark.sql("SELECT * FROM " + name(id) + " VERSION AS OF " + snapshotId), contract);
    }

    /** The current snapshot of a table, or an empty one when it does not exist yet. */
    public Dataset<Row> readCurrent(TableIdentifier id, TableSchema contract) {
        return read(id, catalog.currentSnapshotId(id), contract);
    }

    public Dataset<Row> empty(TableSchema contract) {
        return spark.createDataFrame(List.of(), SparkSchemas.toStructType(contract));
    }

    /**
     * Replaces the table's content with {@code rows} (the contract's columns, cast to its types) in
     * one Iceberg commit, creating the table on first use.
     *
     * @return the snapshot committed
     */
    public Snapshot replace(TableIdentifier id, TableSchema contract, Dataset<Row> rows) {
        List<String> actual = Arrays.asList(rows.columns());
        if (!actual.equals(contract.columnNames())) {
            throw new IllegalStateException(id + " has columns " + actual + ", the contract says "
                    + contract.columnNames());
        }
        catalog.createOrLoad(id, contract);
        try {
            var write = select(rows, contract).writeTo(name(id));
            if (runId != null) {
                write = write.option("snapshot-property." + RUN_ID_PROPERTY, runId);
            }
            write.overwrite(lit(true));
        } catch (NoSuchTableException e) {
            throw new IllegalStateException(id + " vanished from the catalog while being written", e);
        }
        Table table = catalog.load(id).orElseThrow();
        return table.currentSnapshot();
    }

    private static Dataset<Row> select(Dataset<Row> rows, TableSchema contract) {
        Column[] typed = contract.fields().stream()
                .map(f -> col(f.name()).cast(SparkSchemas.toDataType(f.type())).as(f.name()))
                .toArray(Column[]::new);
        return rows.select(typed);
    }

    /** The number of rows of a snapshot, from its summary: no data file is read. */
    public static long rows(Snapshot snapshot) {
        return snapshot == null ? 0 : Long.parseLong(snapshot.summary().getOrDefault("total-records", "0"));
    }
}
