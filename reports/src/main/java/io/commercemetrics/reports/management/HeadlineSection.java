package io.commercemetrics.reports.management;

import static io.commercemetrics.reports.management.PeriodRows.ALL;

import io.commercemetrics.reports.format.Figures;
import io.commercemetrics.reports.jasper.SectionRows;
import io.commercemetrics.reports.period.ReportPeriod;
import io.commercemetrics.reports.warehouse.TableRow;
import io.commercemetrics.reports.warehouse.WarehouseTables;
import io.commercemetrics.schemas.MetricTables;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Function;

/**
 * The first page's headline figures against the previous period: from the total row
 * ({@code *}/{@code *}) of traffic_cost and the {@code *} row of repeat_rate; refunds from the raw
 * refunds (see {@link RefundFigures}).
 */
final class HeadlineSection {

    static final String REFUNDS_NOTE = "refunds dated in the period";

    private HeadlineSection() {
    }

    static SectionRows rows(WarehouseTables tables, ReportPeriod period, String currency) {
        Optional<TableRow> now = total(tables, period);
        Optional<TableRow> before = total(tables, period.previous());
        Optional<TableRow> repeatNow = repeat(tables, period);
        Optional<TableRow> repeatBefore = repeat(tables, period.previous());
        SectionRows rows = new SectionRows();
        money(rows, "Revenue", now, before, "revenue", currency);
        count(rows, "Orders", now, before, "orders");
        count(rows, "New customers", now, before, "new_customers");
        BigDecimal rateNow = repeatNow.map(r -> r.decimal("rate")).orElse(null);
        BigDecimal rateBefore = repeatBefore.map(r -> r.decimal("rate")).orElse(null);
        rows.add("label", "Repeat-customer rate", "current", Figures.percent(rateNow, 1),
                "previous", Figures.percent(rateBefore, 1), "change", Figures.pointsChange(rateNow, rateBefore),
                "note", "customers with 2+ orders to date");
        money(rows, "Marketing cost (spend + commissions)", now, before, "cost", currency);
        BigDecimal cacNow = value(now, r -> TrafficCostSection.costPer(r, "cac"));
        BigDecimal cacBefore = value(before, r -> TrafficCostSection.costPer(r, "cac"));
        rows.add("label", "CAC (cost per new customer)", "current", Figures.moneyWithCurrency(cacNow, currency),
                "previous", Figures.moneyWithCurrency(cacBefore, currency), "change", Figures.change(cacNow, cacBefore),
                "note", null);
        BigDecimal roasNow = value(now, r -> r.decimal("roas"));
        BigDecimal roasBefore = value(before, r -> r.decimal("roas"));
        rows.add("label", "ROAS (revenue / cost)", "current", Figures.decimal(roasNow, 2),
                "previous", Figures.decimal(roasBefore, 2), "change", Figures.decimalChange(roasNow, roasBefore, 2),
                "note", null);
        ZoneId zone = ZoneId.of(tables.run().reportingTimeZone());
        LocalDate dataEnd = LocalDate.parse(tables.run().dataEnd());
        BigDecimal refundsNow = RefundFigures.total(tables, period, currency, zone, dataEnd);
        BigDecimal refundsBefore = RefundFigures.total(tables, period.previous(), currency, zone, dataEnd);
        rows.add("label", "Refunds", "current", Figures.moneyWithCurrency(refundsNow, currency),
                "previous", Figures.moneyWithCurrency(refundsBefore, currency),
                "change", Figures.change(refundsNow, refundsBefore), "note", REFUNDS_NOTE);
        return rows;
    }

    /** The note under the headline figures: what a star and a dash mean, and for a week where the cohorts are. */
    static String note(ReportPeriod period) {
        String incomplete = period.isMonth()
                ? "* marks a figure that is still incomplete: a repurchase or K-factor window that has not closed by the "
                        + "data end, or a month the data ends inside. Such figures can still grow."
                : "* marks a figure that is still incomplete: a week the data ends inside. Such figures can still grow.";
        String note = incomplete + " A dash means no value: nothing to divide by, or for CAC and cost per order no "
                + "cost recorded (no spend and no commission). Refunds are summed from the ingested refunds, converted "
                + "at the rate of each refund's date.";
        return period.isMonth() ? note : note + " Cohorts are months: repurchase by cohort, the retention triangle, "
                + "the K-factor and repurchase by first review are in the month's report.";
    }

    private static void money(SectionRows rows, String label, Optional<TableRow> now, Optional<TableRow> before,
                              String column, String currency) {
        BigDecimal current = value(now, r -> r.decimal(column));
        BigDecimal previous = value(before, r -> r.decimal(column));
        rows.add("label", label, "current", Figures.moneyWithCurrency(current, currency),
                "previous", Figures.moneyWithCurrency(previous, currency),
                "change", Figures.change(current, previous), "note", null);
    }

    private static void count(SectionRows rows, String label, Optional<TableRow> now, Optional<TableRow> before,
                              String column) {
        Long current = now.map(r -> r.count(column)).orElse(null);
        Long previous = before.map(r -> r.count(column)).orElse(null);
        rows.add("label", label, "current", Figures.count(current), "previous", Figures.count(previous),
                "change", Figures.change(current == null ? null : BigDecimal.valueOf(current),
                        previous == null ? null : BigDecimal.valueOf(previous)), "note", null);
    }

    private static BigDecimal value(Optional<TableRow> row, Function<TableRow, BigDecimal> column) {
        return row.map(column).orElse(null);
    }

    static Optional<TableRow> total(WarehouseTables tables, ReportPeriod period) {
        return PeriodRows.find(tables.metric(MetricTables.TRAFFIC_COST), period, "channel", ALL, "channel_group", ALL);
    }

    private static Optional<TableRow> repeat(WarehouseTables tables, ReportPeriod period) {
        return PeriodRows.find(tables.metric(MetricTables.REPEAT_RATE), period, "acquisition_group", ALL);
    }
}
