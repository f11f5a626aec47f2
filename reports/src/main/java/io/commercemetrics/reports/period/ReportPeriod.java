package io.commercemetrics.reports.period;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period as the metric tables label it: an ISO week ({@code 2026-W40}, Monday to
 * Sunday) or a month ({@code 2026-10}), with its first and last local day.
 */
public record ReportPeriod(Type type, String label, LocalDate start, LocalDate end) {

    public enum Type {
        WEEK("week"), MONTH("month");

        private final String periodType;

        Type(String periodType) {
            this.periodType = periodType;
        }

        /** The {@code period_type} value of the metric tables. */
        public String periodType() {
            return periodType;
        }
    }

    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

    public static ReportPeriod parse(String text) {
        Matcher week = WEEK.matcher(text);
        if (week.matches()) {
            int year = Integer.parseInt(week.group(1));
            int number = Integer.parseInt(week.group(2));
            try {
                // outside the year's own 52 or 53 weeks, with() rolls into the next year: refuse that
                ReportPeriod period = weekOf(LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number));
                if (period.label().equals(text)) {
                    return period;
                }
            } catch (DateTimeException outOfRange) {
                // reported below
            }
            throw new IllegalArgumentException("no ISO week " + text);
        }
        try {
            return monthOf(YearMonth.parse(text).atDay(1));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "period must be a month (2026-10), an ISO week (2026-W40) or 'latest', not " + text, e);
        }
    }

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    /** A month written {@code 2026-10}; anything else is refused saying how a month is written. */
    public static ReportPeriod parseMonth(String text) {
        if (text != null && MONTH.matcher(text.trim()).matches()) {
            try {
                return monthOf(YearMonth.parse(text.trim()).atDay(1));
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException(text + " is not a month: write a month like 2026-10 (the year, then the "
                + "month's number from 01 to 12)");
    }

    /** An ISO week written {@code 2026-W40}; anything else is refused saying how a week is written. */
    public static ReportPeriod parseWeek(String text) {
        if (text != null && WEEK.matcher(text.trim()).matches()) {
            return parse(text.trim());
        }
        throw new IllegalArgumentException(text + " is not an ISO week: write a week like 2026-W40 (the year, W, "
                + "then the week's number from 01 to 52 or 53)");
    }

    public static ReportPeriod weekOf(LocalDate day) {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        String label = String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        return new ReportPeriod(Type.WEEK, label, monday, monday.plusDays(6));
    }

    public static ReportPeriod monthOf(LocalDate day) {
        YearMonth month = YearMonth.from(day);
        return new ReportPeriod(Type.MONTH, month.toString(), month.atDay(1), month.atEndOfMonth());
    }

    /** The latest period of the type that ends on or before the data end (the data end day counts). */
    public static ReportPeriod latestComplete(Type type, LocalDate dataEnd) {
        ReportPeriod containing = type == Type.WEEK ? weekOf(dataEnd) : monthOf(dataEnd);
        return containing.end().isAfter(dataEnd) ? containing.previous() : containing;
    }

    public ReportPeriod previous() {
        return type == Type.WEEK ? weekOf(start.minusWeeks(1)) : monthOf(start.minusMonths(1));
    }

    /** The {@code count} periods ending with this one, oldest first. */
    public List<ReportPeriod> trailing(int count) {
        List<ReportPeriod> periods = new ArrayList<>();
        ReportPeriod period = this;
        for (int i = 0; i < count; i++) {
            periods.add(0, period);
            period = period.previous();
        }
        return periods;
    }

    public boolean isMonth() {
        return type == Type.MONTH;
    }

    /** True when the data reaches the period's last day. */
    public boolean isCompleteBy(LocalDate dataEnd) {
        return !end.isAfter(dataEnd);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    /** The month a cohort table is cut at: the month of the period's last day. */
    public YearMonth lastMonth() {
        return YearMonth.from(end);
    }
}
