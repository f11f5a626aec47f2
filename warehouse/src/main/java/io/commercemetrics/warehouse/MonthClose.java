package io.commercemetrics.warehouse;

import io.commercemetrics.schemas.MetricTables;
import io.commercemetrics.schemas.TableSchema;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.iceberg.Table;

/**
 * Closing and reopening a commission month. A close tags the latest metrics run's snapshots of the
 * tables that make up the month's books ({@link #FROZEN_TABLES}) with {@code closed-<month>} (so
 * expiry keeps them and later runs read the month from them) and records who closed it, when, and
 * from which run. Every refusal is an {@link IllegalArgumentException} raised before anything is
 * written. Months are closed in order and reopened in reverse order, so the closed months are always
 * every month up to the latest closed one.
 */
public final class MonthClose {

    /** The month's statement and reconciliation, and what later runs compare against to post adjustments. */
    public static final List<TableSchema> FROZEN_TABLES = List.of(MetricTables.COMMISSION_LINES,
            MetricTables.COMMISSION_REVERSALS, MetricTables.COMMISSION_STATEMENT, MetricTables.RECONCILIATION,
            MetricTables.COMMISSION_ADJUSTMENTS);

    private final WarehouseCatalog catalog;
    private final PeriodCloses closes;

    public MonthClose(WarehouseCatalog catalog) {
        this.catalog = catalog;
        this.closes = new PeriodCloses(catalog);
    }

    public static String tag(YearMonth month) {
        return "closed-" + month;
    }

    /**
     * @param force close although the latest run's data end before the month's last day
     * @return the close recorded
     */
    public PeriodCloses.Close close(YearMonth month, boolean force, String by, Instant at) {
        MetricsRunRecord run = new RunRecords(catalog).latest().orElseThrow(() -> new IllegalArgumentException(
                "no metrics run in this warehouse yet: run metrics, then close " + month));
        Optional<PeriodCloses.Close> latest = closes.latest();
        if (latest.isPresent() && !month.isAfter(latest.get().month())) {
            PeriodCloses.Close last = latest.get();
            throw new IllegalArgumentException(last.month().equals(month)
                    ? month + " is closed already (by " + last.closedBy() + " at " + last.closedAt() + ", run "
                        + last.runId() + "); to change it, reopen it first with a reason"
                    : "months close in order and " + last.month() + " is closed already, so " + month
                        + " is closed too");
        }
        Instant computedAt = Instant.parse(run.computedAt());
        closes.history().stream().filter(c -> c.reopenedAt() != null && c.reopenedAt().isAfter(computedAt))
                .findFirst().ifPresent(reopened -> {
                    // that run kept the reopened month frozen: its books are not the month computed again
                    throw new IllegalArgumentException(reopened.month() + " was reopened after the latest "
                            + "metrics run (" + run.runId() + "): run metrics, then close " + month);
                });
        LocalDate dataEnd = LocalDate.parse(run.dataEnd());
        if (dataEnd.isBefore(month.atDay(1))) {
            throw new IllegalArgumentException("the latest metrics run (" + run.runId() + ") has no data of " + month
                    + " yet: its data end on " + dataEnd);
        }
        if (dataEnd.isBefore(month.atEndOfMonth()) && !force) {
            throw new IllegalArgumentException(month + " is not complete: the latest metrics run (" + run.runId()
                    + ") has data through " + dataEnd + " only. Ingest the rest of the month and run metrics, "
                    + "or close it as it is with --force");
        }
        List<YearMonth> open = openEarlierMonths(run, month, latest.map(PeriodCloses.Close::month).orElse(null));
        if (!open.isEmpty()) {
            throw new IllegalArgumentException("months close in order: close " + open.stream().map(YearMonth::toString)
                    .reduce((a, b) -> a + ", " + b).orElseThrow() + " first (they have statement rows)");
        }
        for (TableSchema frozen : FROZEN_TABLES) {
            Long snapshot = run.metricSnapshots().get(frozen.name());
            if (snapshot == null) {
                continue; // never written (an empty table, or a run before the table existed): reads as empty
            }
            Table table = catalog.load(TableIds.metric(frozen.name())).orElseThrow();
            if (table.refs().containsKey(tag(month))) {
                // left by a close that stopped before it was recorded
                table.manageSnapshots().replaceTag(tag(month), snapshot).commit();
            } else {
                table.manageSnapshots().createTag(tag(month), snapshot).commit();
            }
        }
        PeriodCloses.Close close = new PeriodCloses.Close(month, run.runId(), dataEnd, by, at, null, null, null);
        closes.record(close);
        return close;
    }

    /** Removes the close of the latest closed month; the close stays in the history with the reason. */
    public void reopen(YearMonth month, String reason, String by, Instant at) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reopen needs --reason: say why " + month + " is reopened");
        }
        PeriodCloses.Close latest = closes.latest().filter(c -> !c.month().isBefore(month))
                .orElseThrow(() -> new IllegalArgumentException(month + " is not closed"));
        if (!latest.month().equals(month)) {
            throw new IllegalArgumentException("months reopen in reverse order: reopen " + latest.month()
                    + " first");
        }
        for (TableSchema frozen : FROZEN_TABLES) {
            catalog.load(TableIds.metric(frozen.name()))
                    .filter(table -> table.refs().containsKey(tag(month)))
                    .ifPresent(table -> table.manageSnapshots().removeTag(tag(month)).commit());
        }
        closes.recordReopen(month, by, at, reason);
    }

    /** The months before {@code month} with statement rows in the run that are after the latest closed month. */
    private List<YearMonth> openEarlierMonths(MetricsRunRecord run, YearMonth month, YearMonth latestClosed) {
        Long snapshot = run.metricSnapshots().get(MetricTables.COMMISSION_STATEMENT.name());
        TreeSet<YearMonth> open = new TreeSet<>();
        for (Object[] row : new TableReader(catalog).read(TableIds.metric(MetricTables.COMMISSION_STATEMENT.name()),
                snapshot, MetricTables.COMMISSION_STATEMENT)) {
            YearMonth period = YearMonth.parse((String) row[0]);
            if (period.isBefore(month) && (latestClosed == null || period.isAfter(latestClosed))) {
                open.add(period);
            }
        }
        return new ArrayList<>(open);
    }
}
