package io.commercemetrics.schemas;

import java.math.BigDecimal;
import java.util.List;

/**
 * A single-value rule from DATA.md that a field's typed value must pass. Cross-row and
 * cross-file rules (uniqueness, orphans, refund caps, loops, fx coverage) are not checks: the
 * ingest job applies them over whole tables.
 */
public sealed interface Check {

    /** The reason written to the quarantine when the check fails, e.g. {@code quantity must be >= 1}. */
    String describe(String field);

    /** Numeric lower bound, inclusive or exclusive. */
    record Min(BigDecimal bound, boolean inclusive) implements Check {
        public boolean accepts(BigDecimal value) {
            int c = value.compareTo(bound);
            return inclusive ? c >= 0 : c > 0;
        }

        @Override
        public String describe(String field) {
            return field + " must be " + (inclusive ? ">= " : "> ") + bound.toPlainString();
        }
    }

    /** Numeric upper bound, inclusive. */
    record Max(BigDecimal bound) implements Check {
        public boolean accepts(BigDecimal value) {
            return value.compareTo(bound) <= 0;
        }

        @Override
        public String describe(String field) {
            return field + " must be <= " + bound.toPlainString();
        }
    }

    /** One of a closed list of words, compared exactly. */
    record OneOf(List<String> values) implements Check {
        public boolean accepts(String value) {
            return values.contains(value);
        }

        @Override
        public String describe(String field) {
            return field + " must be one of " + String.join(", ", values);
        }
    }

    /**
     * An ISO 4217 alphabetic code the JDK knows. Three upper-case letters are not enough: {@code ZZZ}
     * would pass and then never match an fx rate or a reporting currency (DATA.md asks for ISO 4217).
     */
    record CurrencyCode() implements Check {
        private static final java.util.Set<String> KNOWN = java.util.Currency.getAvailableCurrencies().stream()
                .map(java.util.Currency::getCurrencyCode).collect(java.util.stream.Collectors.toUnmodifiableSet());

        public boolean accepts(String value) {
            return KNOWN.contains(value);
        }

        @Override
        public String describe(String field) {
            return field + " must be an ISO 4217 currency code (e.g. CNY, USD, EUR)";
        }
    }

    /** A statement month, {@code YYYY-MM}. */
    record YearMonth() implements Check {
        public boolean accepts(String value) {
            if (!value.matches("\\d{4}-\\d{2}")) {
                return false;
            }
            int month = Integer.parseInt(value.substring(5));
            return month >= 1 && month <= 12;
        }

        @Override
        public String describe(String field) {
            return field + " must be a month YYYY-MM";
        }
    }

    static Min atLeast(long bound) {
        return new Min(BigDecimal.valueOf(bound), true);
    }

    static Min above(long bound) {
        return new Min(BigDecimal.valueOf(bound), false);
    }

    static Max atMost(long bound) {
        return new Max(BigDecimal.valueOf(bound));
    }

    static OneOf oneOf(String... values) {
        return new OneOf(List.of(values));
    }
}
