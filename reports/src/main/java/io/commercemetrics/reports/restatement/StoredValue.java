package io.commercemetrics.reports.restatement;

import io.commercemetrics.schemas.FieldType;
import io.commercemetrics.schemas.export.CurrencyUnits;
import java.math.BigDecimal;

/**
 * A figure's value written exactly as stored, without grouping: money at its currency's minor
 * unit ({@code 144444.33}, {@code 1500} for JPY) unless it holds more places, a ratio at the six
 * places it is stored with ({@code 0.220000}), a count as a whole number. Never rounded: the
 * table's decimal(38,18) storage scale is only trimmed where the digits are zeros.
 */
final class StoredValue {

    private StoredValue() {
    }

    /** @return the value as text, or null for no value */
    static String text(FigureKey key, BigDecimal value) {
        if (value == null) {
            return null;
        }
        int places = switch (key.figure().unit()) {
            case COUNT -> 0;
            case RATIO -> FieldType.RATIO_SCALE;
            case MONEY -> key.currency() == null ? 2 : CurrencyUnits.minorUnit(key.currency());
        };
        BigDecimal exact = value.stripTrailingZeros();
        return (exact.scale() > places ? exact : value.setScale(places)).toPlainString();
    }
}
