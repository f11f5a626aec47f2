package io.commercemetrics.schemas.export;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;

/**
 * The minor unit of a currency as METRICS.md fixes it (ISO 4217): 2 for most, 0 for
 * JPY/KRW/VND/CLP/ISK, 3 for KWD/BHD/OMR/JOD/TND. Rounding is half-up (away from zero on a tie).
 */
public final class CurrencyUnits {

    private static final Set<String> ZERO_DECIMALS = Set.of("JPY", "KRW", "VND", "CLP", "ISK");
    private static final Set<String> THREE_DECIMALS = Set.of("KWD", "BHD", "OMR", "JOD", "TND");

    private CurrencyUnits() {
    }

    public static int minorUnit(String currency) {
        if (ZERO_DECIMALS.contains(currency)) {
            return 0;
        }
        return THREE_DECIMALS.contains(currency) ? 3 : 2;
    }

    /** Rounds once, half-up, to the currency's minor unit; a negative zero becomes zero. */
    public static BigDecimal round(BigDecimal amount, String currency) {
        BigDecimal rounded = amount.setScale(minorUnit(currency), RoundingMode.HALF_UP);
        return rounded.signum() == 0 ? rounded.abs() : rounded;
    }
}
