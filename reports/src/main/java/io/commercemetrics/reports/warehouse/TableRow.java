package io.commercemetrics.reports.warehouse;

import io.commercemetrics.schemas.TableSchema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One row of a warehouse table, read by column name so the report code says what it takes. */
public record TableRow(TableSchema table, Object[] values) {

    public Object get(String column) {
        return values[table.indexOf(column)];
    }

    public String text(String column) {
        return (String) get(column);
    }

    public Long count(String column) {
        Object value = get(column);
        return value == null ? null : ((Number) value).longValue();
    }

    public BigDecimal decimal(String column) {
        return (BigDecimal) get(column);
    }

    public Integer integer(String column) {
        Object value = get(column);
        return value == null ? null : ((Number) value).intValue();
    }

    public boolean flag(String column) {
        return Boolean.TRUE.equals(get(column));
    }

    public LocalDate date(String column) {
        return (LocalDate) get(column);
    }

    public Instant instant(String column) {
        return (Instant) get(column);
    }

    public boolean is(String column, String value) {
        return value.equals(get(column));
    }
}
