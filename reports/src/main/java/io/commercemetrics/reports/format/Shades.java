package io.commercemetrics.reports.format;

import java.math.BigDecimal;

/**
 * Cell shading for rates: white at 0 to a mid blue at 1, light enough that black text stays
 * readable on every shade, so a reader sees the high rates before reading a number.
 */
public final class Shades {

    public static final String BLANK = "#FFFFFF";
    private static final int[] LOW = {0xFF, 0xFF, 0xFF};
    private static final int[] HIGH = {0x5B, 0x9B, 0xD5};

    private Shades() {
    }

    /** @param scale the rate that gets the full shade (repurchase rates rarely approach 1) */
    public static String of(BigDecimal rate, double scale) {
        if (rate == null) {
            return BLANK;
        }
        double t = Math.max(0, Math.min(1, rate.doubleValue() / scale));
        StringBuilder hex = new StringBuilder("#");
        for (int i = 0; i < 3; i++) {
            hex.append(String.format("%02X", (int) Math.round(LOW[i] + (HIGH[i] - LOW[i]) * t)));
        }
        return hex.toString();
    }
}
