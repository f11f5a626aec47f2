package io.commercemetrics.jobs.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Map;

/**
 * The days of the generated period and how busy each one is, in Asia/Shanghai (UTC+08:00 all
 * year, no daylight saving): evenings and weekends are busier, Singles' Day (11-11) and 618 are
 * the big sales, Spring Festival is quiet, and the shop grows over the period.
 */
final class ShopCalendar {

    static final int SHANGHAI_OFFSET_MINUTES = 8 * 60;
    private static final long OFFSET_SECONDS = SHANGHAI_OFFSET_MINUTES * 60L;

    private static final Map<MonthDay, Double> SALE_DAYS = Map.of(
            MonthDay.of(11, 10), 1.6, MonthDay.of(11, 11), 3.5, MonthDay.of(11, 12), 1.4,
            MonthDay.of(6, 17), 1.4, MonthDay.of(6, 18), 2.5, MonthDay.of(12, 12), 1.7,
            MonthDay.of(5, 20), 1.3, MonthDay.of(3, 8), 1.4);
    // Lunar new year's day per year; the week around it is quiet (couriers stop).
    private static final Map<Integer, LocalDate> SPRING_FESTIVAL = Map.of(
            2025, LocalDate.of(2025, 1, 29), 2026, LocalDate.of(2026, 2, 17),
            2027, LocalDate.of(2027, 2, 6), 2028, LocalDate.of(2028, 1, 26));
    // Relative traffic per hour of the day, local time: quiet nights, lunch and evening peaks.
    private static final double[] HOURS = {
        1.2, 0.7, 0.4, 0.3, 0.2, 0.3, 0.6, 1.2, 2.0, 2.8, 3.2, 3.4,
        3.8, 3.3, 3.0, 3.0, 3.1, 3.2, 3.6, 4.2, 5.2, 5.8, 5.0, 2.6};

    private final LocalDate start;
    private final LocalDate end;
    private final int days;
    private final double meanDemand;

    ShopCalendar(LocalDate start, LocalDate end) {
        this.start = start;
        this.end = end;
        this.days = (int) (end.toEpochDay() - start.toEpochDay()) + 1;
        double sum = 0;
        for (int i = 0; i < days; i++) {
            sum += demand(start.plusDays(i));
        }
        this.meanDemand = sum / days;
    }

    LocalDate start() {
        return start;
    }

    LocalDate end() {
        return end;
    }

    int days() {
        return days;
    }

    LocalDate day(int index) {
        return start.plusDays(index);
    }

    /** Epoch second of local midnight starting {@code date}. */
    long midnight(LocalDate date) {
        return date.toEpochDay() * 86_400L - OFFSET_SECONDS;
    }

    LocalDate localDate(long epochSecond) {
        return LocalDate.ofEpochDay(Math.floorDiv(epochSecond + OFFSET_SECONDS, 86_400L));
    }

    /** How busy {@code date} is relative to an average day of the period (mean 1.0). */
    double relativeDemand(LocalDate date) {
        return demand(date) / meanDemand;
    }

    /** A moment on {@code date}, following the hours shoppers keep. */
    long momentOn(LocalDate date, Dice dice) {
        int hour = dice.weighted(HOURS);
        return midnight(date) + hour * 3600L + dice.between(0, 3599);
    }

    private double demand(LocalDate date) {
        double weekday = switch (date.getDayOfWeek()) {
            case SATURDAY -> 1.18;
            case SUNDAY -> 1.12;
            case FRIDAY -> 1.05;
            case MONDAY -> 0.92;
            default -> 0.95;
        };
        double sale = SALE_DAYS.getOrDefault(MonthDay.from(date), 1.0);
        LocalDate festival = SPRING_FESTIVAL.get(date.getYear());
        if (festival != null && Math.abs(date.toEpochDay() - festival.toEpochDay()) <= 6) {
            sale *= 0.55;
        }
        double growth = 1.0 + 0.35 * (date.toEpochDay() - start.toEpochDay()) / Math.max(1, days);
        return weekday * sale * growth;
    }

    static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
