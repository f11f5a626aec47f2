package io.commercemetrics.reports.format;

import io.commercemetrics.schemas.export.CurrencyUnits;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How every number reads in a report: thousands separators, money exactly as stored rounded to its
 * currency's minor unit, ratios as percentages. Static so the templates' expressions can call it.
 * A missing value (a ratio whose denominator was 0) reads as an en dash, never as 0.
 */
public final class Figures {

    public static final String NONE = "–";
    private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ENGLISH);

    private Figures() {
    }

    public static String count(Number value) {
        return value == null ? NONE : pattern(0).format(value.longValue());
    }

    /** {@code 1,234.50} for CNY, {@code 1,235} for JPY; never {@code -0.00}. */
    public static String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return NONE;
        }
        return pattern(CurrencyUnits.minorUnit(currency)).format(CurrencyUnits.round(amount, currency));
    }

    /** {@code CNY 1,234.50}: for figures that stand alone, away from a column header naming the currency. */
    public static String moneyWithCurrency(BigDecimal amount, String currency) {
        return amount == null ? NONE : currency + " " + money(amount, currency);
    }

    /** A ratio as a percentage, {@code 0.062500} with one place reading {@code 6.3%}. */
    public static String percent(BigDecimal ratio, int places) {
        if (ratio == null) {
            return NONE;
        }
        return pattern(places).format(ratio.movePointRight(2).setScale(places, RoundingMode.HALF_UP)) + "%";
    }

    /** A ratio that is not a share (ROAS, orders per sharer, K-factor), {@code 3.25}. */
    public static String decimal(BigDecimal ratio, int places) {
        return ratio == null ? NONE : pattern(places).format(ratio.setScale(places, RoundingMode.HALF_UP));
    }

    /** The relative change of an amount or count, {@code +12.5%}; a dash when there is nothing to compare. */
    public static String change(BigDecimal current, BigDecimal previous) {
        if (current == null || previous == null || previous.signum() == 0) {
            return NONE;
        }
        BigDecimal relative = current.subtract(previous).divide(previous.abs(), 6, RoundingMode.HALF_UP);
        return signed(percent(relative, 1), relative.movePointRight(2).setScale(1, RoundingMode.HALF_UP));
    }

    /** The change of a ratio in percentage points, {@code +1.2 pp}. */
    public static String pointsChange(BigDecimal current, BigDecimal previous) {
        if (current == null || previous == null) {
            return NONE;
        }
        BigDecimal points = current.subtract(previous).movePointRight(2).setScale(1, RoundingMode.HALF_UP);
        return signed(pattern(1).format(points), points) + " pp";
    }

    /** The change of a plain ratio (ROAS), {@code +0.25}. */
    public static String decimalChange(BigDecimal current, BigDecimal previous, int places) {
        if (current == null || previous == null) {
            return NONE;
        }
        BigDecimal difference = current.subtract(previous).setScale(places, RoundingMode.HALF_UP);
        return signed(decimal(difference, places), difference);
    }

    /** A plus sign on a rise; a fall carries its minus already, and what rounds to zero has no sign. */
    private static String signed(String text, BigDecimal shown) {
        return shown.signum() > 0 ? "+" + text : text;
    }

    /** DecimalFormat is not thread-safe: a fresh one per call is cheap next to filling a report. */
    private static DecimalFormat pattern(int places) {
        DecimalFormat format = new DecimalFormat(places == 0 ? "#,##0" : "#,##0." + "0".repeat(places), SYMBOLS);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    }
}
