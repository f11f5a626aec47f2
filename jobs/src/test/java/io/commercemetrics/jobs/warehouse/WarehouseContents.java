package io.commercemetrics.jobs.warehouse;

import io.commercemetrics.jobs.spark.SparkTables;
import io.commercemetrics.schemas.Sources;
import io.commercemetrics.schemas.TableSchema;
import io.commercemetrics.warehouse.IngestTables;
import io.commercemetrics.warehouse.MetricsRunRecord;
import io.commercemetrics.warehouse.RunRecords;
import io.commercemetrics.warehouse.TableIds;
import io.commercemetrics.warehouse.TableReader;
import io.commercemetrics.warehouse.Warehouse;
import io.commercemetrics.warehouse.WarehouseCatalog;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What a test reads back from a warehouse the product wrote: through its catalog, as a user's
 * engine would, never by listing folders.
 */
public final class WarehouseContents {

    private WarehouseContents() {
    }

    public static WarehouseCatalog open(Path warehouse) {
        return WarehouseCatalog.openEmbedded(new Warehouse(warehouse));
    }

    /** A metric table of the latest complete metrics run. */
    public static List<Object[]> metric(Path warehouse, TableSchema table) {
        try (WarehouseCatalog catalog = open(warehouse)) {
            MetricsRunRecord run = new RunRecords(catalog).latest().orElseThrow();
            return new TableReader(catalog).read(TableIds.metric(table.name()),
                    run.metricSnapshots().get(table.name()), table);
        }
    }

    /** A metric table of the latest complete metrics run, in Spark. */
    public static Dataset<Row> metric(SparkSession spark, Path warehouse, TableSchema table) {
        try (WarehouseCatalog catalog = open(warehouse)) {
            MetricsRunRecord run = new RunRecords(catalog).latest().orElseThrow();
            return new SparkTables(spark, catalog).read(TableIds.metric(table.name()),
                    run.metricSnapshots().get(table.name()), table);
        }
    }

    /** The files an export wrote into a folder, by name, with their bytes: to compare two exports byte for byte. */
    public static java.util.Map<String, byte[]> exportedFiles(Path folder) throws java.io.IOException {
        java.util.Map<String, byte[]> files = new java.util.TreeMap<>();
        try (java.util.stream.Stream<Path> list = java.nio.file.Files.list(folder)) {
            for (Path file : list.toList()) {
                files.put(file.getFileName().toString(), java.nio.file.Files.readAllBytes(file));
            }
        }
        return files;
    }

    public static MetricsRunRecord latestRun(Path warehouse) {
        try (WarehouseCatalog catalog = open(warehouse)) {
            return new RunRecords(catalog).latest().orElseThrow();
        }
    }

    /** The current raw table of a source: its columns, then {@code _file} and {@code _line}. */
    public static Dataset<Row> raw(SparkSession spark, Path warehouse, String source) {
        return current(spark, warehouse, TableIds.raw(source),
                IngestTables.raw(Sources.byName(source).orElseThrow()));
    }

    public static Dataset<Row> quarantine(SparkSession spark, Path warehouse) {
        return current(spark, warehouse, TableIds.QUARANTINE, IngestTables.QUARANTINE);
    }

    private static Dataset<Row> current(SparkSession spark, Path warehouse,
                                        org.apache.iceberg.catalog.TableIdentifier id, TableSchema contract) {
        try (WarehouseCatalog catalog = open(warehouse)) {
            // resolved now (the snapshot is fixed); Spark's own catalog connection reads it later
            return new SparkTables(spark, catalog).readCurrent(id, contract);
        }
    }
}
