package io.commercemetrics.reports.management;

import static io.commercemetrics.reports.management.PeriodRows.ALL;

import io.commercemetrics.reports.format.Figures;
import io.commercemetrics.reports.format.SeriesColours;
import io.commercemetrics.reports.jasper.SectionRows;
import io.commercemetrics.reports.period.ReportPeriod;
import io.commercemetrics.reports.warehouse.TableRow;
import io.commercemetrics.reports.warehouse.WarehouseTables;
import io.commercemetrics.schemas.MetricTables;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/**
 * The traditional funnel beside the social divergence (METRICS.md, social spread): visits, orders
 * and conversion of the traditional group next to sharers, orders per sharer, share clicks,
 * re-share depth and, in a month's report, the K-factor of the month's cohort.
 */
final class SpreadSection {

    static final String TRADITIONAL = "Traditional funnel";
    static final String SOCIAL = "Social divergence";
    static final String TRADITIONAL_ORDERS = "Traditional orders";
    static final String SHARE_CREDITED_ORDERS = "Share-credited orders";

    private final WarehouseTables tables;
    private final ReportPeriod period;
    private final LocalDate dataEnd;

    SpreadSection(WarehouseTables tables, ReportPeriod period, LocalDate dataEnd) {
        this.tables = tables;
        this.period = period;
        this.dataEnd = dataEnd;
    }

    SectionRows figures() {
        SectionRows rows = new SectionRows();
        Optional<TableRow> traditional = traditional(period);
        Long visits = traditional.map(r -> r.count("visits")).orElse(null);
        Long orders = traditional.map(r -> r.count("orders")).orElse(null);
        BigDecimal conversion = traditional.map(r -> r.decimal("conversion_rate")).orElse(null);
        rows.add("section", TRADITIONAL, "label", "Visits", "value", Figures.count(visits), "note", null);
        rows.add("section", TRADITIONAL, "label", "Orders", "value", Figures.count(orders), "note", null);
        rows.add("section", TRADITIONAL, "label", "Conversion (orders / visits)", "value",
                Figures.percent(conversion, 2), "note", Figures.count(visits) + " visitors, " + Figures.count(orders)
                        + " orders");

        Optional<TableRow> spread = PeriodRows.find(tables.metric(MetricTables.SOCIAL_SPREAD), period);
        Long sharers = spread.map(r -> r.count("active_sharers")).orElse(null);
        BigDecimal perSharer = spread.map(r -> r.decimal("orders_per_sharer")).orElse(null);
        rows.add("section", SOCIAL, "label", "Active sharers", "value", Figures.count(sharers), "note", null);
        rows.add("section", SOCIAL, "label", "Share-credited orders", "value",
                Figures.count(spread.map(r -> r.count("attributed_orders")).orElse(null)), "note", null);
        rows.add("section", SOCIAL, "label", "Orders per sharer", "value", Figures.decimal(perSharer, 2),
                "note", Figures.count(sharers) + " sharers, " + Figures.decimal(perSharer, 2) + " orders each");
        rows.add("section", SOCIAL, "label", "Shares (of them re-shares)", "value",
                Figures.count(spread.map(r -> r.count("shares")).orElse(null)) + " ("
                        + Figures.count(spread.map(r -> r.count("reshares")).orElse(null)) + ")", "note", null);
        rows.add("section", SOCIAL, "label", "Share clicks", "value",
                Figures.count(spread.map(r -> r.count("share_clicks")).orElse(null)), "note", null);
        rows.add("section", SOCIAL, "label", "Click conversion", "value",
                Figures.percent(spread.map(r -> r.decimal("click_conversion")).orElse(null), 2), "note", null);
        rows.add("section", SOCIAL, "label", "Longest re-share chain", "value",
                Figures.count(spread.map(r -> r.integer("max_depth")).orElse(null)), "note", "shares deep");
        rows.add("section", SOCIAL, "label", "New customers via shares", "value",
                Figures.count(spread.map(r -> r.count("new_customers_via_share")).orElse(null)), "note", null);
        if (period.isMonth()) {
            // a cohort is a month: a week's reader would get another period's figure
            kFactor(rows);
        }
        return rows;
    }

    /** The K-factor of the month's cohort (the latest before it when it has none). Its 90-day window may still be open. */
    private void kFactor(SectionRows rows) {
        String last = period.lastMonth().toString();
        Optional<TableRow> viral = tables.metric(MetricTables.VIRAL_COEFFICIENT).stream()
                .filter(r -> r.text("cohort_month").compareTo(last) <= 0)
                .max(java.util.Comparator.comparing(r -> r.text("cohort_month")));
        String label = viral.map(r -> "K-factor (cohort " + r.text("cohort_month") + ")").orElse("K-factor");
        boolean open = viral.map(r -> YearMonth.parse(r.text("cohort_month")).atEndOfMonth().plusDays(90)
                .isAfter(dataEnd)).orElse(false);
        String value = Figures.decimal(viral.map(r -> r.decimal("k_factor")).orElse(null), 2);
        rows.add("section", SOCIAL, "label", label, "value", open ? value + " *" : value,
                "note", viral.map(r -> Figures.count(r.count("referred_new_customers")) + " referred of "
                        + Figures.count(r.count("cohort_size"))).orElse("no cohort yet"));
    }

    /** Orders of the traditional group against share-credited orders, last twelve periods. */
    SectionRows chart() {
        SectionRows points = new SectionRows();
        for (ReportPeriod p : period.trailing(MatrixRow.COLUMNS)) {
            points.add("category", p.label(), "series", TRADITIONAL_ORDERS,
                    "value", traditional(p).map(r -> (Number) r.count("orders")).orElse(null));
            points.add("category", p.label(), "series", SHARE_CREDITED_ORDERS,
                    "value", PeriodRows.find(tables.metric(MetricTables.SOCIAL_SPREAD), p)
                            .map(r -> (Number) r.count("attributed_orders")).orElse(null));
        }
        return points;
    }

    /** Traditional orders in the traditional group's colour, share-credited ones in the social group's. */
    static java.util.Map<String, String> colours() {
        return SeriesColours.of(TRADITIONAL_ORDERS, SeriesColours.ofGroup("traditional"),
                SHARE_CREDITED_ORDERS, SeriesColours.ofGroup("social"));
    }

    private Optional<TableRow> traditional(ReportPeriod p) {
        return PeriodRows.find(tables.metric(MetricTables.TRAFFIC_COST), p, "channel", ALL,
                "channel_group", "traditional");
    }
}
