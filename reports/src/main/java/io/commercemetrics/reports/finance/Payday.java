package io.commercemetrics.reports.finance;

import io.commercemetrics.reports.period.ReportPeriod;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * When the payouts of a month fall due: on this day of the next month (the 31st falls on the last
 * day of a shorter month). Before it, a sharer not paid yet is not an exception: the payout is not
 * due yet (configuration {@code commission.payday}).
 *
 * @param dayOfNextMonth 1 to 31
 */
public record Payday(int dayOfNextMonth) {

    /** The 5th of the next month. */
    public static final Payday DEFAULT = new Payday(5);

    public Payday {
        if (dayOfNextMonth < 1 || dayOfNextMonth > 31) {
            throw new IllegalArgumentException("payday must be a day of the month from 1 to 31, not " + dayOfNextMonth);
        }
    }

    /** The day the payouts of {@code month} fall due. */
    public LocalDate dueDate(ReportPeriod month) {
        YearMonth next = month.lastMonth().plusMonths(1);
        return next.atDay(Math.min(dayOfNextMonth, next.lengthOfMonth()));
    }

    /** True while the data has not reached the payday of {@code month}: its payouts are not due yet. */
    public boolean notYetDue(ReportPeriod month, LocalDate dataEnd) {
        return dataEnd.isBefore(dueDate(month));
    }
}
