package io.commercemetrics.reports.management;

import static io.commercemetrics.reports.management.PeriodRows.ALL;

import io.commercemetrics.reports.format.Figures;
import io.commercemetrics.reports.format.SeriesColours;
import io.commercemetrics.reports.jasper.SectionRows;
import io.commercemetrics.reports.period.ReportPeriod;
import io.commercemetrics.reports.warehouse.TableRow;
import io.commercemetrics.reports.warehouse.WarehouseTables;
import io.commercemetrics.schemas.MetricTables;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Revenue and orders by channel group over the last twelve periods, from the group rows
 * ({@code channel = *}) of traffic_cost: one chart each, and the same numbers as a table.
 */
final class ChannelSection {

    private final List<ReportPeriod> periods;
    private final List<TableRow> trafficCost;
    private final List<String> groups;

    ChannelSection(WarehouseTables tables, ReportPeriod period) {
        this.periods = period.trailing(MatrixRow.COLUMNS);
        this.trafficCost = tables.metric(MetricTables.TRAFFIC_COST);
        TreeSet<String> seen = new TreeSet<>(Comparator.comparingInt(PeriodRows::groupOrder)
                .thenComparing(Comparator.naturalOrder()));
        // always both main groups, so each keeps its series colour in every chart
        seen.addAll(List.of(ALL, "social", "traditional"));
        for (ReportPeriod p : periods) {
            PeriodRows.of(trafficCost, p).filter(r -> r.is("channel", ALL)).forEach(r -> seen.add(r.text("channel_group")));
        }
        this.groups = List.copyOf(seen);
    }

    List<String> headers() {
        return periods.stream().map(ReportPeriod::label).toList();
    }

    /** Chart points per period and group (the total left out: the bars stack to it). */
    SectionRows revenueChart() {
        return chart("revenue");
    }

    SectionRows ordersChart() {
        return chart("orders");
    }

    /** Each group's colour, the same in every chart (the total is not charted). */
    java.util.Map<String, String> colours() {
        java.util.Map<String, String> colours = new java.util.LinkedHashMap<>();
        groups.stream().filter(group -> !ALL.equals(group))
                .forEach(group -> colours.put(group, SeriesColours.ofGroup(group)));
        return colours;
    }

    SectionRows table(String currency) {
        SectionRows rows = new SectionRows();
        for (String group : groups) {
            rows.addRow(MatrixRow.of("Revenue (" + currency + ")", PeriodRows.groupName(group), ALL.equals(group),
                    cells(group, r -> Figures.money(r.decimal("revenue"), currency)), null));
        }
        for (String group : groups) {
            rows.addRow(MatrixRow.of("Orders", PeriodRows.groupName(group), ALL.equals(group),
                    cells(group, r -> Figures.count(r.count("orders"))), null));
        }
        return rows;
    }

    private SectionRows chart(String column) {
        SectionRows points = new SectionRows();
        for (ReportPeriod p : periods) {
            for (String group : groups) {
                if (!ALL.equals(group)) {
                    Optional<TableRow> row = groupRow(p, group);
                    points.add("category", p.label(), "series", group,
                            "value", row.map(r -> (Number) r.get(column)).orElse(null));
                }
            }
        }
        return points;
    }

    private List<String> cells(String group, java.util.function.Function<TableRow, String> format) {
        List<String> cells = new ArrayList<>();
        for (ReportPeriod p : periods) {
            cells.add(groupRow(p, group).map(format).orElse(Figures.NONE));
        }
        return cells;
    }

    private Optional<TableRow> groupRow(ReportPeriod p, String group) {
        return PeriodRows.find(trafficCost, p, "channel", ALL, "channel_group", group);
    }
}
