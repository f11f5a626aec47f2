package io.commercemetrics.jobs.ingest.platform;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Platforms' text forms turned into the contract's. A value that does not fit the expected form is
 * passed on unchanged, so the row validator quarantines it with its reason rather than it being
 * guessed at here.
 */
final class PlatformText {

    private static final Pattern SHOPIFY_TS =
            Pattern.compile("(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}(?::\\d{2})?) ([+-]\\d{2})(\\d{2})");
    private static final Pattern LOCAL_TS =
            Pattern.compile("(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?");
    private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

    private PlatformText() {
    }

    /** Shopify's {@code 2025-10-07 09:50:26 +0200} as {@code 2025-10-07T09:50:26+02:00}. */
    static String shopifyTimestamp(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = SHOPIFY_TS.matcher(text.trim());
        return m.matches() ? m.group(1) + "T" + m.group(2) + m.group(3) + ":" + m.group(4) : text;
    }

    /** A local time without offset ({@code 2025/10/7 9:50:26}) read at the given offset ({@code +08:00}). */
    static String localTimestamp(String text, String offset) {
        if (text == null) {
            return null;
        }
        Matcher m = LOCAL_TS.matcher(text.trim());
        if (!m.matches()) {
            return text;
        }
        return String.format("%s-%02d-%02dT%02d:%s:%s%s", m.group(1), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), m.group(5),
                m.group(6) == null ? "00" : m.group(6), offset);
    }

    /** The latest of contract timestamps, ignoring absent and unreadable ones; null when none is readable. */
    static String latest(String... timestamps) {
        OffsetDateTime latest = null;
        String text = null;
        for (String ts : timestamps) {
            try {
                OffsetDateTime t = ts == null ? null : OffsetDateTime.parse(ts);
                if (t != null && (latest == null || t.isAfter(latest))) {
                    latest = t;
                    text = ts;
                }
            } catch (DateTimeParseException e) {
                // the field itself carries the bad text to the quarantine
            }
        }
        return text;
    }

    /** {@code 1,234.50} as {@code 1234.50}: reports format money for reading, the contract does not. */
    static String ungrouped(String amount) {
        if (amount == null) {
            return null;
        }
        String text = amount.trim();
        return GROUPED.matcher(text).matches() ? text.replace(",", "") : amount;
    }

    static BigDecimal decimal(String text) {
        return text != null && DECIMAL.matcher(text).matches() ? new BigDecimal(text) : null;
    }

    /** a + b when both are decimals (an absent b counts 0); otherwise a as it is, for the validator. */
    static String plus(String a, String b) {
        BigDecimal x = decimal(a);
        BigDecimal y = b == null ? BigDecimal.ZERO : decimal(b);
        return x == null || y == null ? a : x.add(y).toPlainString();
    }

    /** a - b under the same rule. */
    static String minus(String a, String b) {
        BigDecimal y = decimal(b);
        return b == null ? a : plus(a, y == null ? null : y.negate().toPlainString());
    }

    /** The smaller of two decimals; a as it is when either is not one. */
    static String atMost(String a, String cap) {
        BigDecimal x = decimal(a);
        BigDecimal c = decimal(cap);
        return x == null || c == null || x.compareTo(c) <= 0 ? a : cap;
    }

    static boolean positive(String amount) {
        BigDecimal x = decimal(amount);
        return x != null && x.signum() > 0;
    }
}
