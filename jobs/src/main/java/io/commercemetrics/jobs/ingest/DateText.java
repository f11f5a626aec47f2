package io.commercemetrics.jobs.ingest;

/** Strict {@code YYYY-MM-DD} dates; impossible dates such as 2026-02-30 are errors. */
final class DateText {

    static final int INVALID = Integer.MIN_VALUE;

    private DateText() {
    }

    /** Days since 1970-01-01, or {@link #INVALID}. */
    static int parseEpochDay(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return INVALID;
        }
        int year = TimestampText.digits(s, 0, 4);
        int month = TimestampText.digits(s, 5, 2);
        int day = TimestampText.digits(s, 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
            return INVALID;
        }
        return (int) epochDay(year, month, day);
    }

    static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    static boolean isLeap(int year) {
        return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    }

    /** The proleptic Gregorian epoch day, as {@code LocalDate.toEpochDay} computes it. */
    static long epochDay(int year, int month, int day) {
        return java.time.LocalDate.of(year, month, day).toEpochDay();
    }
}
