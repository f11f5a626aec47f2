package io.commercemetrics.warehouse;

import io.commercemetrics.schemas.TableSchema;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.jdbc.JdbcCatalog;

/**
 * The warehouse's Iceberg catalog: a JDBC catalog in the job repository's database, with the
 * tables' files under {@code <warehouse>/tables} on any Hadoop file system. A commit is one row
 * update in the database, so it is atomic on HDFS and object stores too, where a rename is not.
 * Spark reaches the same catalog through {@link #sparkProperties()}.
 */
public final class WarehouseCatalog implements AutoCloseable {

    private final String name;
    private final CatalogDatabase database;
    private final String tablesLocation;
    private final JdbcCatalog catalog;

    private WarehouseCatalog(String name, CatalogDatabase database, String tablesLocation, JdbcCatalog catalog) {
        this.name = name;
        this.database = database;
        this.tablesLocation = tablesLocation;
        this.catalog = catalog;
    }

    /**
     * @param tablesLocation where table files go: a local path or any Hadoop file system URI
     *                       ({@code hdfs://...}, {@code s3a://...})
     * @param hadoop         the Hadoop settings for that file system (credentials come from there)
     */
    public static WarehouseCatalog open(CatalogDatabase database, String tablesLocation, Configuration hadoop) {
        String name = nameFor(tablesLocation);
        JdbcCatalog catalog = (JdbcCatalog) CatalogUtil.loadCatalog(JdbcCatalog.class.getName(), name,
                properties(database, tablesLocation), hadoop);
        return new WarehouseCatalog(name, database, tablesLocation, catalog);
    }

    /** The catalog of a warehouse in its embedded database (the H2 file under the warehouse), default Hadoop settings. */
    public static WarehouseCatalog openEmbedded(Warehouse warehouse) {
        return open(warehouse.embeddedDatabase(), warehouse.tablesLocation(), new Configuration());
    }

    /**
     * The catalog's name: the rows of one warehouse's catalog in the database, and the name Spark
     * knows it by. Taken from where the tables live, so warehouses sharing one PostgreSQL database
     * never see each other's tables: {@code cm_} and 12 hex digits of the location's SHA-256.
     */
    static String nameFor(String tablesLocation) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(tablesLocation.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "cm_" + java.util.HexFormat.of().formatHex(hash, 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The catalog's name, in the database and in Spark ({@code spark.sql.catalog.<name>}). */
    public String name() {
        return name;
    }

    private static Map<String, String> properties(CatalogDatabase database, String tablesLocation) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(CatalogProperties.URI, database.url());
        properties.put(CatalogProperties.WAREHOUSE_LOCATION, tablesLocation);
        // Iceberg's catalog tables stay in their V0 layout (no views, which this product has none
        // of): V1's migration check looks for a lower-case column H2 stores in upper case, and fails
        // the second time a warehouse is opened
        if (database.user() != null) {
            properties.put(JdbcCatalog.PROPERTY_PREFIX + "user", database.user());
        }
        if (database.password() != null) {
            properties.put(JdbcCatalog.PROPERTY_PREFIX + "password", database.password());
        }
        return properties;
    }

    /**
     * The settings of the same catalog for Spark's {@code spark.sql.catalog.<name>.*}: Spark's
     * driver opens its own connection to the same database.
     */
    public Map<String, String> sparkProperties() {
        Map<String, String> properties = new LinkedHashMap<>(properties(database, tablesLocation));
        properties.put("type", "jdbc");
        // every read sees the last commit, also one made outside Spark
        properties.put("cache-enabled", "false");
        return properties;
    }

    public String tablesLocation() {
        return tablesLocation;
    }

    public CatalogDatabase database() {
        return database;
    }

    public Optional<Table> load(TableIdentifier id) {
        try {
            return Optional.of(catalog.loadTable(id));
        } catch (NoSuchTableException e) {
            return Optional.empty();
        }
    }

    /** Every table of the warehouse: raw, ingest and metrics namespaces. */
    public java.util.List<TableIdentifier> listTables() {
        java.util.List<TableIdentifier> tables = new java.util.ArrayList<>();
        for (Namespace namespace : java.util.List.of(TableIds.RAW, TableIds.INGEST, TableIds.METRICS)) {
            if (catalog.namespaceExists(namespace)) {
                tables.addAll(catalog.listTables(namespace));
            }
        }
        tables.sort(java.util.Comparator.comparing(TableIdentifier::toString));
        return tables;
    }

    public boolean exists(TableIdentifier id) {
        return catalog.tableExists(id);
    }

    /** The table, created empty with the contract's columns if it does not exist yet. */
    public Table createOrLoad(TableIdentifier id, TableSchema contract) {
        Optional<Table> existing = load(id);
        if (existing.isPresent()) {
            requireColumns(existing.get(), id, contract);
            return existing.get();
        }
        ensureNamespace(id.namespace());
        Map<String, String> properties = Map.of(
                TableProperties.FORMAT_VERSION, "2",
                TableProperties.DEFAULT_FILE_FORMAT, "parquet",
                // metrics are small tables rewritten whole; keep the metadata log short
                TableProperties.METADATA_DELETE_AFTER_COMMIT_ENABLED, "true");
        try {
            return catalog.buildTable(id, IcebergSchemas.toSchema(contract)).withProperties(properties).create();
        } catch (AlreadyExistsException raced) {
            return catalog.loadTable(id);
        }
    }

    private static void requireColumns(Table table, TableIdentifier id, TableSchema contract) {
        Schema expected = IcebergSchemas.toSchema(contract);
        if (!table.schema().asStruct().equals(expected.asStruct())) {
            throw new IllegalStateException("table " + id + " has columns " + table.schema().asStruct()
                    + " where this version expects " + expected.asStruct()
                    + ": the warehouse was made by another version; re-ingest into a new warehouse");
        }
    }

    private void ensureNamespace(Namespace namespace) {
        if (!catalog.namespaceExists(namespace)) {
            try {
                catalog.createNamespace(namespace);
            } catch (AlreadyExistsException raced) {
                // another writer made it first: fine
            }
        }
    }

    /** The id of a table's current snapshot, or null when it has none (created, never written). */
    public Long currentSnapshotId(TableIdentifier id) {
        Snapshot current = load(id).map(Table::currentSnapshot).orElse(null);
        return current == null ? null : current.snapshotId();
    }

    @Override
    public void close() {
        catalog.close();
    }
}
