package io.commercemetrics.jobs.cli;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Option;

/** A command about one commission month of the warehouse: {@code close} and {@code reopen}. */
abstract class MonthCommand extends JobCommand {

    @Option(names = "--month", paramLabel = "YYYY-MM", required = true, description = "The month, e.g. 2026-09.")
    String month;

    @Option(names = "--by", paramLabel = "NAME", description = "Who does it, as the audit records it "
            + "(default: the user running the command).")
    String by = System.getProperty("user.name");

    YearMonth yearMonth() {
        try {
            return YearMonth.parse(month.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--month " + month + ": write a month as YYYY-MM, e.g. 2026-09", e);
        }
    }

    @Override
    protected void checkOptions() {
        yearMonth();
    }

    /** Closing and reopening change the warehouse's tags and records: they hold its lock like any writer. */
    @Override
    protected boolean writesWarehouse() {
        return true;
    }

    @Override
    protected boolean readsExistingWarehouse() {
        return true;
    }
}
