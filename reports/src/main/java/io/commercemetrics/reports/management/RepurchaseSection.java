package io.commercemetrics.reports.management;

import io.commercemetrics.reports.format.Figures;
import io.commercemetrics.reports.format.Shades;
import io.commercemetrics.reports.jasper.SectionRows;
import io.commercemetrics.reports.period.ReportPeriod;
import io.commercemetrics.reports.warehouse.TableRow;
import io.commercemetrics.reports.warehouse.WarehouseTables;
import io.commercemetrics.schemas.MetricTables;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Repurchase by acquisition group for the twelve cohorts up to the period's month: the 30/90/180-day
 * rates (repurchase_cohort) and the retention triangle (cohort_retention). Cells are shaded by rate;
 * a rate whose window is still open is marked {@code *}.
 */
final class RepurchaseSection {

    static final int WINDOW_COLUMNS = 3;
    /** Rates at or above this get the full shade: repurchase rarely passes one half. */
    private static final double SHADE_SCALE = 0.5;
    /** A month the data has not reached: grey, so the triangle's edge reads as "not yet", not as zero. */
    static final String NOT_YET = "#EEEEEE";

    private final WarehouseTables tables;
    private final YearMonth first;
    private final YearMonth last;
    private final LocalDate dataEnd;

    RepurchaseSection(WarehouseTables tables, ReportPeriod period, LocalDate dataEnd) {
        this.tables = tables;
        this.last = period.lastMonth();
        this.first = last.minusMonths(11);
        this.dataEnd = dataEnd;
    }

    List<Integer> windows() {
        return cohortRows().stream().map(r -> r.integer("window_days")).distinct().sorted().limit(WINDOW_COLUMNS)
                .toList();
    }

    SectionRows cohortTable() {
        List<Integer> windows = windows();
        Map<List<String>, Map<String, Object>> rows = new java.util.TreeMap<>(KEY_ORDER);
        for (TableRow r : cohortRows()) {
            int column = windows.indexOf(r.integer("window_days"));
            if (column < 0) {
                continue;
            }
            Map<String, Object> row = rows.computeIfAbsent(List.of(r.text("cohort_month"), r.text("acquisition_group")),
                    key -> newCohortRow(key));
            row.put("customers", Figures.count(r.count("customers")));
            String rate = Figures.percent(r.decimal("rate"), 1);
            row.put("r" + column, r.flag("complete") ? rate : rate + " *");
            row.put("s" + column, Shades.of(r.decimal("rate"), SHADE_SCALE));
        }
        SectionRows section = new SectionRows();
        rows.values().forEach(section::addRow);
        return section;
    }

    SectionRows retentionTriangle() {
        Map<List<String>, List<TableRow>> cohorts = new java.util.TreeMap<>(KEY_ORDER);
        for (TableRow r : tables.metric(MetricTables.COHORT_RETENTION)) {
            YearMonth cohort = YearMonth.parse(r.text("cohort_month"));
            if (!cohort.isBefore(first) && !cohort.isAfter(last)) {
                cohorts.computeIfAbsent(List.of(r.text("cohort_month"), r.text("acquisition_group")),
                        key -> new ArrayList<>()).add(r);
            }
        }
        SectionRows section = new SectionRows();
        cohorts.forEach((key, offsets) -> {
            List<String> cells = new ArrayList<>();
            List<String> shades = new ArrayList<>();
            YearMonth cohort = YearMonth.parse(key.get(0));
            for (int offset = 0; offset < MatrixRow.COLUMNS; offset++) {
                int wanted = offset;
                Optional<TableRow> cell = offsets.stream().filter(r -> r.integer("month_offset") == wanted).findFirst();
                YearMonth month = cohort.plusMonths(offset);
                if (month.isAfter(YearMonth.from(dataEnd))) {
                    cells.add("");
                    shades.add(NOT_YET);
                    continue;
                }
                String rate = cell.map(r -> Figures.percent(r.decimal("rate"), 1)).orElse(Figures.NONE);
                boolean open = month.equals(YearMonth.from(dataEnd)) && dataEnd.isBefore(month.atEndOfMonth());
                cells.add(open ? rate + " *" : rate);
                shades.add(Shades.of(cell.map(r -> r.decimal("rate")).orElse(null), SHADE_SCALE));
            }
            String size = Figures.count(offsets.get(0).count("cohort_size"));
            section.addRow(MatrixRow.of(key.get(0), PeriodRows.groupName(key.get(1)) + " (" + size + ")",
                    PeriodRows.ALL.equals(key.get(1)), cells, shades));
        });
        return section;
    }

    private List<TableRow> cohortRows() {
        return tables.metric(MetricTables.REPURCHASE_COHORT).stream().filter(r -> {
            YearMonth cohort = YearMonth.parse(r.text("cohort_month"));
            return !cohort.isBefore(first) && !cohort.isAfter(last);
        }).toList();
    }

    private static Map<String, Object> newCohortRow(List<String> key) {
        Map<String, Object> row = new HashMap<>();
        row.put("cohort", key.get(0));
        row.put("group", PeriodRows.groupName(key.get(1)));
        row.put("emphasis", PeriodRows.ALL.equals(key.get(1)));
        for (int i = 0; i < WINDOW_COLUMNS; i++) {
            row.put("r" + i, Figures.NONE);
            row.put("s" + i, Shades.BLANK);
        }
        return row;
    }

    /** Cohort, then the total before the groups. */
    private static final Comparator<List<String>> KEY_ORDER = Comparator.<List<String>, String>comparing(k -> k.get(0))
            .thenComparingInt(k -> PeriodRows.groupOrder(k.get(1))).thenComparing(k -> k.get(1));
}
