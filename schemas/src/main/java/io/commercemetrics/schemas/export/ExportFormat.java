package io.commercemetrics.schemas.export;

import io.commercemetrics.schemas.Field;
import io.commercemetrics.schemas.FieldType;
import io.commercemetrics.schemas.MetricTables;
import io.commercemetrics.schemas.TableSchema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Formats one cell of a metric table exactly as the "Exports" section of METRICS.md says: nulls
 * empty, booleans {@code true}/{@code false}, ratios to 6 places, money to its currency's minor
 * unit (never {@code -0.00}), timestamps in the reporting zone as {@code 2026-10-03T21:15:00+08:00}.
 *
 * @param reportingZone     the zone timestamps are shown in
 * @param reportingCurrency the currency of analytical money (tables without a currency column)
 */
public record ExportFormat(ZoneId reportingZone, String reportingCurrency) {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx");

    /** The text of every cell of a row, in column order. */
    public String[] formatRow(TableSchema table, Object[] row) {
        int currencyColumn = table.field("currency").isPresent() ? table.indexOf("currency") : -1;
        String rowCurrency = currencyColumn >= 0 ? (String) row[currencyColumn] : reportingCurrency;
        String[] cells = new String[row.length];
        for (int i = 0; i < row.length; i++) {
            Field field = table.fields().get(i);
            boolean rowMoney = MetricTables.isRowCurrencyMoney(table, field);
            cells[i] = format(field.type(), row[i], rowMoney ? rowCurrency : reportingCurrency);
        }
        return cells;
    }

    /** @param currency the currency of a money value (ignored for other types) */
    public String format(FieldType type, Object value, String currency) {
        if (value == null) {
            return "";
        }
        return switch (type) {
            case STRING -> inert((String) value);
            case INT, LONG -> Long.toString(((Number) value).longValue());
            case BOOLEAN -> Boolean.toString((Boolean) value);
            case RATIO -> ((BigDecimal) value).setScale(FieldType.RATIO_SCALE, RoundingMode.HALF_UP).toPlainString();
            case DECIMAL -> money((BigDecimal) value, currency);
            case DATE -> toLocalDate(value).toString();
            case TIMESTAMP -> timestamp(toInstant(value));
        };
    }

    /**
     * A text cell as a spreadsheet opening the CSV can never run it: OWASP's CSV-injection rule, a
     * leading {@code '} before {@code = + - @}, tab or carriage return. Only text columns reach here,
     * so a negative amount ({@code -12.50}) keeps its sign; the product's own text (periods, statuses,
     * {@code *}, {@code (none)}) never starts so, which makes this exactly "text from input data".
     */
    public static String inert(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        boolean formulaLike = first == '=' || first == '+' || first == '-' || first == '@'
                || first == '\t' || first == '\r';
        return formulaLike ? "'" + text : text;
    }

    private static String money(BigDecimal value, String currency) {
        if (currency == null) {
            throw new IllegalStateException("money needs a currency: configure reporting.currency");
        }
        return CurrencyUnits.round(value, currency).toPlainString();
    }

    String timestamp(Instant instant) {
        OffsetDateTime local = instant.atZone(reportingZone).toOffsetDateTime();
        StringBuilder text = new StringBuilder(SECONDS.format(local));
        int nanos = local.getNano();
        if (nanos != 0) {
            String fraction = String.format("%09d", nanos).replaceFirst("0+$", "");
            text.append('.').append(fraction);
        }
        return text.append(OFFSET.format(local)).toString();
    }

    static LocalDate toLocalDate(Object value) {
        return value instanceof Date sqlDate ? sqlDate.toLocalDate() : (LocalDate) value;
    }

    static Instant toInstant(Object value) {
        return value instanceof Timestamp sqlTimestamp ? sqlTimestamp.toInstant() : (Instant) value;
    }
}
