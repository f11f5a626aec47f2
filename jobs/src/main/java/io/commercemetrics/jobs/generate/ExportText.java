package io.commercemetrics.jobs.generate;

import java.time.LocalDate;

/**
 * The text forms the exports use, built by hand rather than through formatters because a
 * million-order run formats tens of millions of values. Money is held as a long count of minor
 * units (cents), which is exact; it never passes through a double.
 */
final class ExportText {

    private ExportText() {
    }

    /** {@code 123456} cents as {@code 1234.56}; negative amounts keep their sign. */
    static String money(long cents) {
        StringBuilder text = new StringBuilder(12);
        long abs = Math.abs(cents);
        if (cents < 0) {
            text.append('-');
        }
        text.append(abs / 100).append('.');
        long fraction = abs % 100;
        if (fraction < 10) {
            text.append('0');
        }
        return text.append(fraction).toString();
    }

    /**
     * An instant given as epoch seconds, written in the zone of {@code offsetMinutes} as
     * {@code 2026-10-03T21:15:00+08:00} (or {@code ...Z} for offset 0 when {@code zulu}).
     */
    static String timestamp(long epochSecond, int offsetMinutes, boolean zulu) {
        long local = epochSecond + offsetMinutes * 60L;
        long day = Math.floorDiv(local, 86_400L);
        int secondOfDay = (int) Math.floorMod(local, 86_400L);
        StringBuilder text = new StringBuilder(25);
        appendDate(text, LocalDate.ofEpochDay(day));
        text.append('T');
        two(text, secondOfDay / 3600).append(':');
        two(text, secondOfDay / 60 % 60).append(':');
        two(text, secondOfDay % 60);
        if (zulu && offsetMinutes == 0) {
            return text.append('Z').toString();
        }
        int abs = Math.abs(offsetMinutes);
        text.append(offsetMinutes < 0 ? '-' : '+');
        two(text, abs / 60).append(':');
        two(text, abs % 60);
        return text.toString();
    }

    static String date(LocalDate date) {
        StringBuilder text = new StringBuilder(10);
        appendDate(text, date);
        return text.toString();
    }

    /** A 1-based sequence number as a fixed-width id, so ids sort as they were issued. */
    static String id(String prefix, long number, int digits) {
        String n = Long.toString(number);
        StringBuilder text = new StringBuilder(prefix.length() + digits).append(prefix);
        for (int i = n.length(); i < digits; i++) {
            text.append('0');
        }
        return text.append(n).toString();
    }

    /**
     * An opaque code for a sequence number: a bijection of the 32-bit range (an odd multiplier),
     * so codes never collide and do not reveal the order they were issued in.
     */
    static String code(long number, int length) {
        long mixed = (number * 0x9E3779B1L) & 0xFFFFFFFFL;
        String text = Long.toString(mixed, 36);
        StringBuilder padded = new StringBuilder(length);
        for (int i = text.length(); i < length; i++) {
            padded.append('0');
        }
        return padded.append(text).toString();
    }

    private static void appendDate(StringBuilder text, LocalDate date) {
        text.append(date.getYear()).append('-');
        two(text, date.getMonthValue()).append('-');
        two(text, date.getDayOfMonth());
    }

    private static StringBuilder two(StringBuilder text, int value) {
        if (value < 10) {
            text.append('0');
        }
        return text.append(value);
    }
}
