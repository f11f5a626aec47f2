package io.commercemetrics.jobs.generate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What to generate: where, from which seed, how many customers over how many months.
 *
 * @param out       the folder that receives {@code <source>.csv} and {@code commerce-metrics.yaml}
 * @param seed      the only source of randomness: the same seed gives byte-identical files
 * @param customers roughly how many distinct customers buy in the period
 * @param months    length of the period, in whole months ending on {@code endDate}
 * @param endDate   the last day of the data; fixed, never "today", so output is reproducible
 * @param progress  receives one line per milestone (for the CLI); never null
 */
public record GeneratorSettings(Path out, long seed, int customers, int months, LocalDate endDate,
                                Consumer<String> progress) {

    public static final long DEFAULT_SEED = 42;
    public static final int DEFAULT_CUSTOMERS = 2000;
    public static final int DEFAULT_MONTHS = 12;
    public static final LocalDate DEFAULT_END_DATE = LocalDate.of(2026, 10, 31);
    /**
     * Orders per customer over the default 12 months, measured on the generator's own output (2,801
     * orders of 2,000 customers at the defaults; the share of returning customers grows a little with
     * the shop, so large runs come out a few percent above the target). Every other source follows
     * the customers, so sizing by orders keeps all of them in proportion.
     */
    public static final double ORDERS_PER_CUSTOMER = 1.40;

    public GeneratorSettings {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(endDate, "endDate");
        progress = progress == null ? line -> { } : progress;
        if (customers < 50) {
            throw new IllegalArgumentException("customers must be at least 50, got " + customers);
        }
        if (months < 1 || months > 120) {
            throw new IllegalArgumentException("months must be between 1 and 120, got " + months);
        }
    }

    /** The defaults of the {@code generate} command, writing to {@code out}. */
    public static GeneratorSettings defaults(Path out) {
        return new GeneratorSettings(out, DEFAULT_SEED, DEFAULT_CUSTOMERS, DEFAULT_MONTHS, DEFAULT_END_DATE, null);
    }

    /**
     * The customers that give about {@code orders} orders over 12 months (the generator is driven by
     * customers; see {@link #ORDERS_PER_CUSTOMER}).
     */
    public static int customersForOrders(long orders) {
        if (orders < 1) {
            throw new IllegalArgumentException("orders must be at least 1, got " + orders);
        }
        double customers = Math.ceil(orders / ORDERS_PER_CUSTOMER);
        if (customers > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("orders too many: " + orders);
        }
        return Math.max(50, (int) customers);
    }

    public GeneratorSettings withSeed(long newSeed) {
        return new GeneratorSettings(out, newSeed, customers, months, endDate, progress);
    }

    public GeneratorSettings withCustomers(int newCustomers) {
        return new GeneratorSettings(out, seed, newCustomers, months, endDate, progress);
    }

    public GeneratorSettings withMonths(int newMonths) {
        return new GeneratorSettings(out, seed, customers, newMonths, endDate, progress);
    }

    public GeneratorSettings withEndDate(LocalDate newEndDate) {
        return new GeneratorSettings(out, seed, customers, months, newEndDate, progress);
    }

    public GeneratorSettings withOut(Path newOut) {
        return new GeneratorSettings(newOut, seed, customers, months, endDate, progress);
    }

    public GeneratorSettings withProgress(Consumer<String> newProgress) {
        return new GeneratorSettings(out, seed, customers, months, endDate, newProgress);
    }

    /** The first day of the data: {@code months} whole months back from the end date. */
    public LocalDate startDate() {
        return endDate.minusMonths(months).plusDays(1);
    }
}
