package io.commercemetrics.reports.finance;

import io.commercemetrics.reports.period.ReportPeriod;
import io.commercemetrics.reports.warehouse.TableRow;
import io.commercemetrics.reports.warehouse.WarehouseTables;
import io.commercemetrics.schemas.MetricTables;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One month of the ledger: the commission statement rows (by currency, then sharer) and the
 * reconciliation rows that are not {@code matched}. Amounts are exactly as the tables store them,
 * so the totals per currency are sums of the lines shown.
 */
public record MonthLedger(List<TableRow> statement, List<TableRow> exceptions) {

    /** The statement's amount columns in reading order. */
    public static final List<String> AMOUNTS = List.of("opening_balance", "accrued", "released", "clawback",
            "payable", "expected_payout", "paid", "closing_balance");

    public static MonthLedger of(WarehouseTables tables, ReportPeriod month) {
        Comparator<TableRow> byCurrencyThenSharer = Comparator.<TableRow, String>comparing(r -> r.text("currency"))
                .thenComparing(r -> r.text("sharer_id"));
        List<TableRow> statement = tables.metric(MetricTables.COMMISSION_STATEMENT).stream()
                .filter(r -> r.is("period", month.label())).sorted(byCurrencyThenSharer).toList();
        List<TableRow> exceptions = tables.metric(MetricTables.RECONCILIATION).stream()
                .filter(r -> r.is("period", month.label()) && !r.is("status", "matched"))
                .sorted(byCurrencyThenSharer).toList();
        return new MonthLedger(statement, exceptions);
    }

    /** One line for the top of the report: how many lines, currencies and exceptions the month has. */
    public String summary() {
        long sharers = statement.stream().map(r -> r.text("sharer_id")).distinct().count();
        int currencies = totalsByCurrency().size();
        return plural(statement.size(), "statement line") + " for " + plural(sharers, "sharer") + " in "
                + plural(currencies, "currency", "currencies")
                + " (" + String.join(", ", totalsByCurrency().keySet()) + "); "
                + (exceptions.isEmpty() ? "every payout matches what was expected."
                        : plural(exceptions.size(), "reconciliation exception") + ".");
    }

    private static String plural(long count, String one) {
        return plural(count, one, one + "s");
    }

    private static String plural(long count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }

    /** Per currency (sorted), the sum of each amount column. */
    public Map<String, Map<String, BigDecimal>> totalsByCurrency() {
        Map<String, Map<String, BigDecimal>> totals = new LinkedHashMap<>();
        for (TableRow row : statement) {
            Map<String, BigDecimal> sums = totals.computeIfAbsent(row.text("currency"), c -> new LinkedHashMap<>());
            for (String column : AMOUNTS) {
                BigDecimal value = row.decimal(column);
                sums.merge(column, value == null ? BigDecimal.ZERO : value, BigDecimal::add);
            }
        }
        return totals;
    }
}
