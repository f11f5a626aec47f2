package io.commercemetrics.jobs.ingest;

import io.commercemetrics.schemas.FieldType;
import java.math.BigDecimal;

/**
 * DATA.md decimals: {@code -?digits[.digits]}, nothing else (no exponent, {@code +}, thousands
 * separator, NaN). The warehouse type is DECIMAL(38,18), so more than 18 places or more than 20
 * integer digits cannot be stored exactly: such a value is rejected, never rounded.
 */
final class DecimalText {

    enum Problem { NONE, NOT_DECIMAL, TOO_MANY_PLACES, TOO_LARGE }

    private static final int MAX_INTEGER_DIGITS = FieldType.MONEY_PRECISION - FieldType.MONEY_SCALE;

    private Problem problem = Problem.NONE;

    Problem lastProblem() {
        return problem;
    }

    /** The exact value, or null with {@link #lastProblem()} set. */
    BigDecimal parse(String s) {
        problem = Problem.NONE;
        int n = s.length();
        int pos = 0;
        boolean negative = n > 0 && s.charAt(0) == '-';
        if (negative) {
            pos++;
        }
        int intStart = pos;
        while (pos < n && TimestampText.isDigit(s.charAt(pos))) {
            pos++;
        }
        int intDigits = pos - intStart;
        int scale = 0;
        if (pos < n && s.charAt(pos) == '.') {
            int fracStart = ++pos;
            while (pos < n && TimestampText.isDigit(s.charAt(pos))) {
                pos++;
            }
            scale = pos - fracStart;
            if (scale == 0) {
                return fail(Problem.NOT_DECIMAL);
            }
        }
        if (intDigits == 0 || pos != n) {
            return fail(Problem.NOT_DECIMAL);
        }
        if (scale > FieldType.MONEY_SCALE) {
            return fail(Problem.TOO_MANY_PLACES);
        }
        int significantInt = intDigits;
        for (int i = intStart; i < intStart + intDigits - 1 && s.charAt(i) == '0'; i++) {
            significantInt--;
        }
        if (significantInt > MAX_INTEGER_DIGITS) {
            return fail(Problem.TOO_LARGE);
        }
        int totalDigits = intDigits + scale;
        if (totalDigits <= 18) {
            // the common case: the unscaled value fits a long, no BigInteger parsing
            long unscaled = 0;
            for (int i = intStart; i < n; i++) {
                char c = s.charAt(i);
                if (c != '.') {
                    unscaled = unscaled * 10 + (c - '0');
                }
            }
            return BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
        }
        return new BigDecimal(s);
    }

    private BigDecimal fail(Problem p) {
        problem = p;
        return null;
    }
}
