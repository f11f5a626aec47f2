package io.commercemetrics.reports.finance;

import io.commercemetrics.reports.period.ReportPeriod;
import io.commercemetrics.reports.warehouse.TableRow;
import io.commercemetrics.reports.warehouse.WarehouseTables;
import io.commercemetrics.schemas.MetricTables;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.TreeMap;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One month of the ledger: the commission statement rows (by currency, then sharer), and the
 * reconciliation rows that are not {@code matched}, apart: the real exceptions, and the payouts not
 * due yet ({@code unpaid} while the data ends before the month's payday: nothing is owed yet).
 * The reconciliation table itself is as stored; only the report tells the two apart. Amounts are
 * exactly as the tables store them, so the totals per currency are sums of the lines shown.
 *
 * @param dueDate     the month's payday, when its payouts fall due
 * @param adjustments the commission_adjustments rows posted to the month (amounts that data arriving
 *                    after a month was closed would have changed in it), by currency then sharer
 */
public record MonthLedger(List<TableRow> statement, List<TableRow> exceptions, List<TableRow> notYetDue,
                          LocalDate dueDate, List<TableRow> adjustments) {

    /** The statement's amount columns in reading order. */
    public static final List<String> AMOUNTS = List.of("opening_balance", "accrued", "released", "clawback",
            "payable", "expected_payout", "paid", "closing_balance");
    /** The reconciliation's amount columns in reading order. */
    public static final List<String> RECONCILED = List.of("expected_payout", "paid", "difference");
    static final String UNPAID = "unpaid";
    private static final Comparator<TableRow> BY_CURRENCY_THEN_SHARER = Comparator
            .<TableRow, String>comparing(r -> r.text("currency")).thenComparing(r -> r.text("sharer_id"));

    public static MonthLedger of(WarehouseTables tables, ReportPeriod month, Payday payday) {
        Comparator<TableRow> byCurrencyThenSharer = BY_CURRENCY_THEN_SHARER;
        List<TableRow> statement = tables.metric(MetricTables.COMMISSION_STATEMENT).stream()
                .filter(r -> r.is("period", month.label())).sorted(byCurrencyThenSharer).toList();
        boolean beforePayday = payday.notYetDue(month, LocalDate.parse(tables.run().dataEnd()));
        List<TableRow> exceptions = new ArrayList<>();
        List<TableRow> notYetDue = new ArrayList<>();
        tables.metric(MetricTables.RECONCILIATION).stream()
                .filter(r -> r.is("period", month.label()) && !r.is("status", "matched"))
                .sorted(byCurrencyThenSharer)
                .forEach(r -> (beforePayday && r.is("status", UNPAID) ? notYetDue : exceptions).add(r));
        return new MonthLedger(statement, List.copyOf(exceptions), List.copyOf(notYetDue), payday.dueDate(month),
                adjustments(tables, month));
    }

    /** A run from before the table existed has no adjustments (and is not missing a table for that). */
    private static List<TableRow> adjustments(WarehouseTables tables, ReportPeriod month) {
        if (!tables.run().metricSnapshots().containsKey(MetricTables.COMMISSION_ADJUSTMENTS.name())) {
            return List.of();
        }
        return tables.metric(MetricTables.COMMISSION_ADJUSTMENTS).stream()
                .filter(r -> r.is("posted_month", month.label()))
                .sorted(BY_CURRENCY_THEN_SHARER.thenComparing(r -> r.text("closed_month"))
                        .thenComparing(r -> r.text("order_id")))
                .toList();
    }

    /** Every reconciliation row that is not matched, exceptions and payouts not due yet, by currency then sharer. */
    public List<TableRow> unmatched() {
        List<TableRow> rows = new ArrayList<>(exceptions);
        rows.addAll(notYetDue);
        rows.sort(BY_CURRENCY_THEN_SHARER);
        return rows;
    }

    /** Whether a row of {@link #unmatched()} is a payout not due yet (the same row, not an equal one). */
    public boolean isNotYetDue(TableRow row) {
        return notYetDue.stream().anyMatch(r -> r == row);
    }

    /** One line for the top of the report: how many lines, currencies and exceptions the month has. */
    public String summary() {
        long sharers = statement.stream().map(r -> r.text("sharer_id")).distinct().count();
        int currencies = totalsByCurrency().size();
        String lines = plural(statement.size(), "statement line") + " for " + plural(sharers, "sharer") + " in "
                + plural(currencies, "currency", "currencies")
                + " (" + String.join(", ", totalsByCurrency().keySet()) + "); ";
        if (exceptions.isEmpty() && notYetDue.isEmpty()) {
            return lines + "every payout matches what was expected.";
        }
        String exceptional = exceptions.isEmpty() ? "no reconciliation exception"
                : plural(exceptions.size(), "reconciliation exception");
        return lines + exceptional + (notYetDue.isEmpty() ? "." : "; " + plural(notYetDue.size(), "payout")
                + " not due yet (due on " + dueDate + ").");
    }

    private static String plural(long count, String one) {
        return plural(count, one, one + "s");
    }

    private static String plural(long count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }

    /** Per currency (sorted), the sum of each amount column of the statement. */
    public Map<String, Map<String, BigDecimal>> totalsByCurrency() {
        return totalsByCurrency(statement, AMOUNTS);
    }

    /** Per currency (sorted), the sums of the reconciliation amounts of the rows not matched. */
    public Map<String, Map<String, BigDecimal>> unmatchedTotalsByCurrency() {
        return totalsByCurrency(unmatched(), RECONCILED);
    }

    /** Exact sums per currency in currency order; a missing amount counts as 0. */
    public static Map<String, Map<String, BigDecimal>> totalsByCurrency(List<TableRow> rows, List<String> columns) {
        Map<String, Map<String, BigDecimal>> totals = new TreeMap<>();
        for (TableRow row : rows) {
            Map<String, BigDecimal> sums = totals.computeIfAbsent(row.text("currency"), c -> new LinkedHashMap<>());
            for (String column : columns) {
                BigDecimal value = row.decimal(column);
                sums.merge(column, value == null ? BigDecimal.ZERO : value, BigDecimal::add);
            }
        }
        return totals;
    }
}
