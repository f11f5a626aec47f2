package io.commercemetrics.reports.management;

import static io.commercemetrics.reports.management.PeriodRows.ALL;

import io.commercemetrics.reports.format.Figures;
import io.commercemetrics.reports.jasper.SectionRows;
import io.commercemetrics.reports.period.ReportPeriod;
import io.commercemetrics.reports.warehouse.TableRow;
import io.commercemetrics.reports.warehouse.WarehouseTables;
import io.commercemetrics.schemas.MetricTables;
import java.math.BigDecimal;
import java.util.Comparator;

/**
 * Traffic cost by channel for the period (traffic_cost): each channel, then each group's subtotal,
 * then the total, as the table stores them (never re-added here).
 */
final class TrafficCostSection {

    private TrafficCostSection() {
    }

    static SectionRows rows(WarehouseTables tables, ReportPeriod period, String currency) {
        SectionRows rows = new SectionRows();
        PeriodRows.of(tables.metric(MetricTables.TRAFFIC_COST), period)
                .sorted(Comparator.<TableRow>comparingInt(r -> level(r))
                        .thenComparingInt(r -> PeriodRows.groupOrder(r.text("channel_group")))
                        .thenComparing(r -> r.text("channel")))
                .forEach(r -> rows.add(
                        "channel", level(r) == 0 ? r.text("channel")
                                : level(r) == 1 ? "all " + r.text("channel_group") : "all channels",
                        "group", PeriodRows.groupName(r.text("channel_group")),
                        "emphasis", level(r) > 0,
                        "visits", Figures.count(r.count("visits")),
                        "clicks", Figures.count(r.count("share_clicks")),
                        "spend", Figures.money(r.decimal("spend"), currency),
                        "commissions", Figures.money(r.decimal("commissions"), currency),
                        "cost", Figures.money(r.decimal("cost"), currency),
                        "orders", Figures.count(r.count("orders")),
                        "newCustomers", Figures.count(r.count("new_customers")),
                        "conversion", Figures.percent(r.decimal("conversion_rate"), 2),
                        "cac", Figures.money(costPer(r, "cac"), currency),
                        "costPerOrder", Figures.money(costPer(r, "cost_per_order"), currency),
                        "roas", Figures.decimal(r.decimal("roas"), 2)));
        return rows;
    }

    /**
     * A cost per unit ({@code cac}, {@code cost_per_order}) of a traffic_cost row, or null when the
     * row has no cost recorded: no spend and no commission is no cost data, and 0.00 per new customer
     * would read as acquisition for free.
     */
    static BigDecimal costPer(TableRow row, String column) {
        BigDecimal cost = row.decimal("cost");
        return cost == null || cost.signum() == 0 ? null : row.decimal(column);
    }

    /** 0 a channel, 1 a group subtotal, 2 the total. */
    private static int level(TableRow row) {
        if (!row.is("channel", ALL)) {
            return 0;
        }
        return row.is("channel_group", ALL) ? 2 : 1;
    }
}
