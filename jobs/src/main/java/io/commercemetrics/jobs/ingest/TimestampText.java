package io.commercemetrics.jobs.ingest;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Reads DATA.md timestamps by hand: {@code YYYY-MM-DD(T| )HH:MM[:SS[.fraction]][Z|±HH:MM]}.
 * Hand-written because java.time's formatters cost more than the rest of a row's checks; one
 * instance per reading thread (it remembers whether the last value carried an offset).
 */
final class TimestampText {

    /** Returned when the text is not a timestamp. */
    static final long INVALID = Long.MIN_VALUE;

    private final ZoneId sourceZone;
    private final ZoneOffset fixedSourceOffset;
    private boolean lastLackedOffset;

    TimestampText(ZoneId sourceZone) {
        this.sourceZone = sourceZone;
        this.fixedSourceOffset = sourceZone.getRules().isFixedOffset()
                ? sourceZone.getRules().getOffset(java.time.Instant.EPOCH) : null;
    }

    /** True when the last valid value had no offset and was placed in the source time zone. */
    boolean lastLackedOffset() {
        return lastLackedOffset;
    }

    /** Microseconds since the epoch (UTC), or {@link #INVALID}. */
    long parseMicros(String s) {
        lastLackedOffset = false;
        int n = s.length();
        if (n < 16 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(13) != ':'
                || (s.charAt(10) != 'T' && s.charAt(10) != ' ')) {
            return INVALID;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > DateText.lengthOfMonth(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
            return INVALID;
        }
        int pos = 16;
        int second = 0;
        long nanos = 0;
        if (pos < n && s.charAt(pos) == ':') {
            second = digits(s, pos + 1, 2);
            if (second < 0 || second > 59) {
                return INVALID;
            }
            pos += 3;
            if (pos < n && s.charAt(pos) == '.') {
                int start = ++pos;
                while (pos < n && isDigit(s.charAt(pos))) {
                    pos++;
                }
                int count = pos - start;
                if (count == 0 || count > 9) {
                    return INVALID;
                }
                nanos = digits(s, start, count);
                for (int i = count; i < 9; i++) {
                    nanos *= 10;
                }
            }
        }
        long offsetSeconds;
        if (pos == n) {
            lastLackedOffset = true;
            offsetSeconds = Long.MIN_VALUE;
        } else if (pos == n - 1 && s.charAt(pos) == 'Z') {
            offsetSeconds = 0;
        } else if (pos == n - 6 && (s.charAt(pos) == '+' || s.charAt(pos) == '-') && s.charAt(pos + 3) == ':') {
            int oh = digits(s, pos + 1, 2);
            int om = digits(s, pos + 4, 2);
            if (oh < 0 || oh > 18 || om < 0 || om > 59) {
                return INVALID;
            }
            offsetSeconds = (oh * 3600L + om * 60L) * (s.charAt(pos) == '-' ? -1 : 1);
        } else {
            return INVALID;
        }
        if (offsetSeconds == Long.MIN_VALUE) {
            offsetSeconds = fixedSourceOffset != null ? fixedSourceOffset.getTotalSeconds()
                    // a wall time in a gap or overlap is placed as java.time does (gap: shifted later)
                    : LocalDateTime.of(year, month, day, hour, minute, second).atZone(sourceZone)
                            .getOffset().getTotalSeconds();
        }
        long epochDay = DateText.epochDay(year, month, day);
        long seconds = epochDay * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
        // sub-microsecond digits are cut: the warehouse stores microseconds (Spark's precision)
        return seconds * 1_000_000L + nanos / 1000;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The non-negative number written by {@code len} digits at {@code from}, or -1. */
    static int digits(String s, int from, int len) {
        if (from + len > s.length()) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < from + len; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
