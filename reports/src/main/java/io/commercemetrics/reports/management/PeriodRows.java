package io.commercemetrics.reports.management;

import io.commercemetrics.reports.period.ReportPeriod;
import io.commercemetrics.reports.warehouse.TableRow;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds the rows of a period table ({@code period_type}, {@code period}, ...) for one period. */
final class PeriodRows {

    static final String ALL = "*";

    private PeriodRows() {
    }

    static Stream<TableRow> of(List<TableRow> table, ReportPeriod period) {
        return table.stream().filter(row -> row.is("period_type", period.type().periodType())
                && row.is("period", period.label()));
    }

    /** The row of the period whose key columns have the values given (pairs of column, value). */
    static Optional<TableRow> find(List<TableRow> table, ReportPeriod period, String... columnsAndValues) {
        return of(table, period).filter(row -> {
            for (int i = 0; i < columnsAndValues.length; i += 2) {
                if (!row.is(columnsAndValues[i], columnsAndValues[i + 1])) {
                    return false;
                }
            }
            return true;
        }).findFirst();
    }

    /** {@code *} reads "all" in a report. */
    static String groupName(String key) {
        return ALL.equals(key) ? "all" : key;
    }

    /** Groups in reading order: the total first, then social, traditional, the rest by name. */
    static int groupOrder(String group) {
        return switch (group) {
            case ALL -> 0;
            case "social" -> 1;
            case "traditional" -> 2;
            default -> 3;
        };
    }
}
