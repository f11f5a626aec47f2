package io.commercemetrics.reports.restatement;

import io.commercemetrics.reports.ReportKind;
import io.commercemetrics.reports.finance.MonthLedger;
import io.commercemetrics.reports.management.RefundFigures;
import io.commercemetrics.reports.period.ReportPeriod;
import io.commercemetrics.reports.warehouse.TableRow;
import io.commercemetrics.reports.warehouse.WarehouseTables;
import io.commercemetrics.schemas.MetricTables;
import io.commercemetrics.schemas.Sources;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The figures of one run, exactly as its tables store them: the headline figures of every week
 * and month (the total row {@code *}/{@code *} of traffic_cost, the {@code *} row of repeat_rate,
 * refunds summed from the raw refunds as the management report sums them), and per month the
 * commission statement: each sharer's amounts and, per currency, the payable and expected payout of
 * all sharers. A figure whose row exists with no value (a ratio with nothing to divide by) is kept
 * with a null value: it exists, and turning into a number is a change.
 */
final class RunFigures {

    private static final String ALL = "*";
    private static final List<Figure> TRAFFIC_COST = List.of(Figure.REVENUE, Figure.ORDERS, Figure.NEW_CUSTOMERS,
            Figure.MARKETING_COST, Figure.CAC, Figure.ROAS);
    private static final List<Figure> STATEMENT = List.of(Figure.OPENING_BALANCE, Figure.ACCRUED, Figure.RELEASED,
            Figure.CLAWBACK, Figure.PAYABLE, Figure.EXPECTED_PAYOUT, Figure.PAID, Figure.CLOSING_BALANCE);
    private static final List<ReportKind> BOTH_REPORTS = List.of(ReportKind.management, ReportKind.finance);
    private static final List<Figure> TOTALS = List.of(Figure.TOTAL_PAYABLE, Figure.TOTAL_EXPECTED_PAYOUT);

    private RunFigures() {
    }

    /** Whether the run's tables that hold the figures are still kept (not expired). */
    static boolean isKept(WarehouseTables tables) {
        return tables.isKept(List.of(MetricTables.TRAFFIC_COST, MetricTables.REPEAT_RATE,
                MetricTables.COMMISSION_STATEMENT), List.of(Sources.REFUNDS, Sources.FX_RATES));
    }

    /** Every figure of every week and month of the run. */
    static Map<FigureKey, BigDecimal> all(WarehouseTables tables) {
        return read(tables, period -> true, BOTH_REPORTS);
    }

    /** The figures one report of one period shows. */
    static Map<FigureKey, BigDecimal> of(WarehouseTables tables, ReportPeriod period, ReportKind report) {
        return read(tables, period::equals, report == ReportKind.all ? BOTH_REPORTS : List.of(report));
    }

    private static Map<FigureKey, BigDecimal> read(WarehouseTables tables, Predicate<ReportPeriod> wanted,
                                                         List<ReportKind> reports) {
        Map<FigureKey, BigDecimal> figures = new HashMap<>();
        if (reports.contains(ReportKind.management)) {
            headline(tables, wanted, figures);
        }
        if (reports.contains(ReportKind.finance)) {
            statement(tables, wanted, figures);
        }
        return figures;
    }

    private static void headline(WarehouseTables tables, Predicate<ReportPeriod> wanted,
                                 Map<FigureKey, BigDecimal> figures) {
        String currency = tables.run().reportingCurrency();
        for (TableRow row : tables.metric(MetricTables.TRAFFIC_COST)) {
            if (!row.is("channel", ALL) || !row.is("channel_group", ALL) || !isWanted(row, wanted)) {
                continue;
            }
            for (Figure figure : TRAFFIC_COST) {
                BigDecimal value = figure.unit() == Figure.Unit.COUNT ? count(row.count(figure.column()))
                        : row.decimal(figure.column());
                figures.put(key(figure, row, null, figure.unit() == Figure.Unit.MONEY ? currency : null), value);
            }
            ReportPeriod period = ReportPeriod.parse(row.text("period"));
            figures.put(key(Figure.REFUNDS, row, null, currency), RefundFigures.total(tables, period, currency,
                    ZoneId.of(tables.run().reportingTimeZone()), LocalDate.parse(tables.run().dataEnd())));
        }
        for (TableRow row : tables.metric(MetricTables.REPEAT_RATE)) {
            if (row.is("acquisition_group", ALL) && isWanted(row, wanted)) {
                figures.put(key(Figure.REPEAT_RATE, row, null, null), row.decimal(Figure.REPEAT_RATE.column()));
            }
        }
    }

    private static void statement(WarehouseTables tables, Predicate<ReportPeriod> wanted,
                                  Map<FigureKey, BigDecimal> figures) {
        Map<String, List<TableRow>> byMonth = new TreeMap<>();
        for (TableRow row : tables.metric(MetricTables.COMMISSION_STATEMENT)) {
            if (!wanted.test(ReportPeriod.parseMonth(row.text("period")))) {
                continue;
            }
            byMonth.computeIfAbsent(row.text("period"), month -> new java.util.ArrayList<>()).add(row);
            for (Figure figure : STATEMENT) {
                figures.put(new FigureKey(figure, "month", row.text("period"), row.text("sharer_id"),
                        row.text("currency")), row.decimal(figure.column()));
            }
        }
        List<String> totalled = TOTALS.stream().map(Figure::column).toList();
        byMonth.forEach((month, rows) -> MonthLedger.totalsByCurrency(rows, totalled).forEach((currency, sums) -> {
            for (Figure figure : TOTALS) {
                figures.put(new FigureKey(figure, "month", month, null, currency), sums.get(figure.column()));
            }
        }));
    }

    /** Period tables also have day rows: the reports headline weeks and months only. */
    private static boolean isWanted(TableRow row, Predicate<ReportPeriod> wanted) {
        return (row.is("period_type", "week") || row.is("period_type", "month"))
                && wanted.test(ReportPeriod.parse(row.text("period")));
    }

    private static FigureKey key(Figure figure, TableRow row, String sharer, String currency) {
        return new FigureKey(figure, row.text("period_type"), row.text("period"), sharer, currency);
    }

    private static BigDecimal count(Long value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }
}
