package io.commercemetrics.warehouse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The metrics run records of one warehouse, in the catalog's database (table
 * {@code commerce_metrics_runs}). A run's record is inserted after its last table commit, in one
 * statement: it is what makes the run visible. Until then readers keep reading the previous run's
 * snapshots, so they see one run or the other, never a mix.
 */
public final class RunRecords {

    static final String TABLE = "commerce_metrics_runs";

    private final CatalogDatabase database;
    private final String catalogName;

    public RunRecords(WarehouseCatalog catalog) {
        this(catalog.database(), catalog.name());
    }

    RunRecords(CatalogDatabase database, String catalogName) {
        this.database = database;
        this.catalogName = catalogName;
    }

    /** Makes a completed run the current one. */
    public void publish(MetricsRunRecord record) {
        try (Connection connection = connect()) {
            long sequence;
            try (PreparedStatement next = connection.prepareStatement(
                    "SELECT COALESCE(MAX(run_sequence), 0) + 1 FROM " + TABLE + " WHERE catalog_name = ?")) {
                next.setString(1, catalogName);
                try (ResultSet rs = next.executeQuery()) {
                    rs.next();
                    sequence = rs.getLong(1);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
                    + " (catalog_name, run_id, run_sequence, record) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, catalogName);
                insert.setString(2, record.runId());
                insert.setLong(3, sequence);
                insert.setString(4, record.toJson());
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record metrics run " + record.runId() + ": " + e.getMessage(), e);
        }
    }

    /** The latest complete run, if any. */
    public Optional<MetricsRunRecord> latest() {
        return query("SELECT record FROM " + TABLE + " WHERE catalog_name = ? ORDER BY run_sequence DESC", null, 1)
                .stream().findFirst();
    }

    public Optional<MetricsRunRecord> byId(String runId) {
        return query("SELECT record FROM " + TABLE + " WHERE catalog_name = ? AND run_id = ?", runId, 1)
                .stream().findFirst();
    }

    /** Every complete run, newest first. */
    public List<MetricsRunRecord> all() {
        return query("SELECT record FROM " + TABLE + " WHERE catalog_name = ? ORDER BY run_sequence DESC", null,
                Integer.MAX_VALUE);
    }

    private List<MetricsRunRecord> query(String sql, String runId, int limit) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, catalogName);
            if (runId != null) {
                statement.setString(2, runId);
            }
            List<MetricsRunRecord> records = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next() && records.size() < limit) {
                    records.add(MetricsRunRecord.fromJson(rs.getString(1)));
                }
            }
            return records;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the metrics run records: " + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
        try (Statement ddl = connection.createStatement()) {
            // TEXT is a large text in both H2 and PostgreSQL
            ddl.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (catalog_name VARCHAR(255) NOT NULL, "
                    + "run_id VARCHAR(255) NOT NULL, run_sequence BIGINT NOT NULL, record TEXT NOT NULL, "
                    + "PRIMARY KEY (catalog_name, run_id))");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }
}
