package io.commercemetrics.jobs.metrics.ledger;

import static org.apache.spark.sql.functions.col;

import io.commercemetrics.jobs.spark.SparkTables;
import io.commercemetrics.schemas.MetricTables;
import io.commercemetrics.schemas.TableSchema;
import io.commercemetrics.warehouse.MonthClose;
import io.commercemetrics.warehouse.PeriodCloses;
import io.commercemetrics.warehouse.TableIds;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.apache.iceberg.SnapshotRef;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The books of the closed months as the latest close froze them (docs/metrics.md, "Closed months and
 * adjustments"): every month up to {@code closedThrough} is closed. The statement, reconciliation and
 * adjustment rows of those months are taken from here as they are; the commission lines and reversals
 * are what a run compares its own against, to post the differences to the first open month.
 *
 * @param closedThrough the latest closed month; null when no month is closed
 * @param dataEnd       the data end of the run the latest close froze
 */
public record ClosedBooks(YearMonth closedThrough, LocalDate dataEnd, Dataset<Row> lines, Dataset<Row> reversals,
                          Dataset<Row> statement, Dataset<Row> reconciliation, Dataset<Row> adjustments) {

    public static ClosedBooks none() {
        return new ClosedBooks(null, null, null, null, null, null, null);
    }

    /** The tables tagged by the latest close in force, or {@link #none()}. */
    public static ClosedBooks load(SparkTables tables) {
        Optional<PeriodCloses.Close> latest = new PeriodCloses(tables.catalog()).latest();
        if (latest.isEmpty()) {
            return none();
        }
        YearMonth month = latest.get().month();
        return new ClosedBooks(month, latest.get().dataEnd(),
                frozen(tables, MetricTables.COMMISSION_LINES, month),
                frozen(tables, MetricTables.COMMISSION_REVERSALS, month),
                frozen(tables, MetricTables.COMMISSION_STATEMENT, month),
                frozen(tables, MetricTables.RECONCILIATION, month),
                frozen(tables, MetricTables.COMMISSION_ADJUSTMENTS, month));
    }

    /** A table at the close's tag; a table the close had no snapshot of (never written) is empty. */
    private static Dataset<Row> frozen(SparkTables tables, TableSchema table, YearMonth month) {
        Long snapshot = tables.catalog().load(TableIds.metric(table.name()))
                .map(t -> t.refs().get(MonthClose.tag(month)))
                .map(SnapshotRef::snapshotId)
                .orElse(null);
        return tables.read(TableIds.metric(table.name()), snapshot, table);
    }

    public boolean any() {
        return closedThrough != null;
    }

    /** The month adjustments are posted to. */
    public YearMonth firstOpen() {
        return closedThrough.plusMonths(1);
    }

    /** The frozen rows of a table whose month column is {@code monthColumn}, closed months only. */
    Dataset<Row> closedRows(Dataset<Row> frozen, String monthColumn) {
        // the frozen run may have run past the month it closed: those later months are still open
        return frozen.filter(col(monthColumn).leq(closedThrough.toString()));
    }
}
