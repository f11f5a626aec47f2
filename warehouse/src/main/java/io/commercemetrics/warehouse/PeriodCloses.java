package io.commercemetrics.warehouse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The closes of commission months, in the catalog's database (table {@code commerce_metrics_closes}),
 * kept for audit: a reopened close stays, with who reopened it, when and why. A close in force has
 * no reopen. The close is recorded after its tags are set, so a close that is visible here always
 * has its frozen snapshots.
 */
public final class PeriodCloses {

    static final String TABLE = "commerce_metrics_closes";

    /** One close of a month: the run whose snapshots were frozen, and its data end. */
    public record Close(YearMonth month, String runId, LocalDate dataEnd, String closedBy, Instant closedAt,
                        String reopenedBy, Instant reopenedAt, String reopenReason) {

        public boolean inForce() {
            return reopenedAt == null;
        }
    }

    private final CatalogDatabase database;
    private final String catalogName;

    public PeriodCloses(WarehouseCatalog catalog) {
        this.database = catalog.database();
        this.catalogName = catalog.name();
    }

    /** The closes in force, earliest month first. */
    public List<Close> inForce() {
        return query(" AND reopened_at IS NULL ORDER BY closed_month");
    }

    /** The latest month closed, if any: every month up to it is closed. */
    public Optional<Close> latest() {
        List<Close> closes = inForce();
        return closes.isEmpty() ? Optional.empty() : Optional.of(closes.get(closes.size() - 1));
    }

    /** Every close ever made, reopened ones included, oldest first. */
    public List<Close> history() {
        return query(" ORDER BY closed_at, closed_month");
    }

    void record(Close close) {
        try (Connection connection = connect(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + TABLE + " (catalog_name, closed_month, run_id, data_end, closed_by, closed_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, catalogName);
            insert.setString(2, close.month().toString());
            insert.setString(3, close.runId());
            insert.setString(4, close.dataEnd().toString());
            insert.setString(5, close.closedBy());
            insert.setString(6, close.closedAt().toString());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the close of " + close.month() + ": " + e.getMessage(), e);
        }
    }

    void recordReopen(YearMonth month, String by, Instant at, String reason) {
        try (Connection connection = connect(); PreparedStatement update = connection.prepareStatement(
                "UPDATE " + TABLE + " SET reopened_by = ?, reopened_at = ?, reopen_reason = ? "
                        + "WHERE catalog_name = ? AND closed_month = ? AND reopened_at IS NULL")) {
            update.setString(1, by);
            update.setString(2, at.toString());
            update.setString(3, reason);
            update.setString(4, catalogName);
            update.setString(5, month.toString());
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the reopening of " + month + ": " + e.getMessage(), e);
        }
    }

    private List<Close> query(String tail) {
        try (Connection connection = connect(); PreparedStatement select = connection.prepareStatement(
                "SELECT closed_month, run_id, data_end, closed_by, closed_at, reopened_by, reopened_at, "
                        + "reopen_reason FROM " + TABLE + " WHERE catalog_name = ?" + tail)) {
            select.setString(1, catalogName);
            List<Close> closes = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    closes.add(new Close(YearMonth.parse(rs.getString(1)), rs.getString(2),
                            LocalDate.parse(rs.getString(3)), rs.getString(4), Instant.parse(rs.getString(5)),
                            rs.getString(6), rs.getString(7) == null ? null : Instant.parse(rs.getString(7)),
                            rs.getString(8)));
                }
            }
            return closes;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the closed months: " + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
        try (Statement ddl = connection.createStatement()) {
            // instants as ISO text: the same in H2 and PostgreSQL, and readable in an audit
            ddl.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (catalog_name VARCHAR(255) NOT NULL, "
                    + "closed_month VARCHAR(7) NOT NULL, run_id VARCHAR(255) NOT NULL, data_end VARCHAR(10) NOT NULL, "
                    + "closed_by VARCHAR(255) NOT NULL, closed_at VARCHAR(40) NOT NULL, reopened_by VARCHAR(255), "
                    + "reopened_at VARCHAR(40), reopen_reason TEXT, "
                    + "PRIMARY KEY (catalog_name, closed_month, closed_at))");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }
}
