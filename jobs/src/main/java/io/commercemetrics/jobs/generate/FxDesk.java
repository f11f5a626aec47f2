package io.commercemetrics.jobs.generate;

import java.time.LocalDate;

/**
 * The bank's USD rate (CNY per USD, four places), published on working days and on the first day
 * of the data; weekends have no row, so readers must fall back to the latest earlier rate.
 */
final class FxDesk {

    private final Simulation sim;
    // in ten-thousandths of a yuan: exact, moved by a bounded random walk
    private long rate = 71_800;

    FxDesk(Simulation sim) {
        this.sim = sim;
    }

    void publish(LocalDate day) {
        rate = Math.max(71_000, Math.min(73_000, rate + sim.dice.between(-45, 45)));
        if (day.equals(sim.calendar.start()) || !ShopCalendar.isWeekend(day)) {
            sim.files.fxRates.write(ExportText.date(day), "USD", fourPlaces(rate));
        }
    }

    static String fourPlaces(long tenThousandths) {
        String fraction = Long.toString(tenThousandths % 10_000);
        return tenThousandths / 10_000 + "." + "0000".substring(fraction.length()) + fraction;
    }
}
