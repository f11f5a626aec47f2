package io.commercemetrics.jobs.ingest;

import io.commercemetrics.schemas.Check;
import io.commercemetrics.schemas.Field;
import io.commercemetrics.schemas.FieldType;
import io.commercemetrics.schemas.TableSchema;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies every single-row rule of DATA.md to one record's values (aligned to the source's fields,
 * null for empty or missing) and types them: STRING to String, INT to Integer, DECIMAL to
 * BigDecimal, DATE to Integer epoch day, TIMESTAMP to Long UTC microseconds. A failing row
 * collects every reason, not just the first. Not thread-safe: one per reading thread.
 */
final class RowValidator {

    private final TableSchema schema;
    private final Field[] fields;
    private final Object[] defaults;
    private final int grossIndex;
    private final int discountIndex;
    private final TimestampText timestamps;
    private final DecimalText decimals = new DecimalText();
    private final long[] offsetlessCounts;

    private final Object[] typed;
    private final List<Reason> reasons = new ArrayList<>();

    RowValidator(TableSchema schema, ZoneId sourceZone) {
        this.schema = schema;
        this.fields = schema.fields().toArray(Field[]::new);
        this.typed = new Object[fields.length];
        this.defaults = new Object[fields.length];
        this.offsetlessCounts = new long[fields.length];
        this.timestamps = new TimestampText(sourceZone);
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].defaultValue() != null) {
                defaults[i] = convert(i, fields[i].defaultValue());
                if (!reasons.isEmpty()) {
                    throw new IllegalStateException("bad default of " + fields[i].name());
                }
            }
        }
        this.grossIndex = indexOrMinusOne("gross_amount");
        this.discountIndex = indexOrMinusOne("discount_amount");
    }

    /** A rule a row broke: {@code kind} is counted in summaries, {@code detail} goes to the quarantine. */
    record Reason(String kind, String detail) {
    }

    /** Validates one row; true when it passed. Read the result with {@link #typed()} / {@link #reasons()}. */
    boolean validate(String[] values) {
        reasons.clear();
        for (int i = 0; i < fields.length; i++) {
            String text = values[i];
            if (text == null || text.isEmpty()) {
                typed[i] = defaults[i];
                if (fields[i].required()) {
                    reasons.add(new Reason(fields[i].name() + " is required", fields[i].name() + " is required"));
                }
            } else {
                int before = reasons.size();
                typed[i] = convert(i, text);
                if (reasons.size() > before) {
                    // a value that broke its own rule is not compared again (one mistake, one reason)
                    typed[i] = null;
                }
            }
        }
        if (grossIndex >= 0 && discountIndex >= 0 && typed[grossIndex] != null && typed[discountIndex] != null
                && ((BigDecimal) typed[discountIndex]).compareTo((BigDecimal) typed[grossIndex]) > 0) {
            reasons.add(new Reason("discount_amount must not exceed gross_amount",
                    "discount_amount " + ((BigDecimal) typed[discountIndex]).toPlainString()
                            + " must not exceed gross_amount " + ((BigDecimal) typed[grossIndex]).toPlainString()));
        }
        return reasons.isEmpty();
    }

    Object[] typed() {
        return typed;
    }

    List<Reason> reasons() {
        return reasons;
    }

    /** Per field, how many valid timestamps had no offset (read in the source time zone). */
    long[] offsetlessCounts() {
        return offsetlessCounts;
    }

    TableSchema schema() {
        return schema;
    }

    private Object convert(int i, String text) {
        Field field = fields[i];
        String name = field.name();
        switch (field.type()) {
            case STRING -> {
                checkText(field, text);
                return text;
            }
            case INT, LONG -> {
                Long value = parseInteger(text, field.type() == FieldType.INT ? Integer.MAX_VALUE : Long.MAX_VALUE);
                if (value == null) {
                    fail(name + " is not an integer (digits only)", text);
                    return null;
                }
                checkNumber(field, BigDecimal.valueOf(value), text);
                return field.type() == FieldType.INT ? (Object) value.intValue() : value;
            }
            case DECIMAL -> {
                BigDecimal value = decimals.parse(text);
                if (value == null) {
                    fail(switch (decimals.lastProblem()) {
                        case TOO_MANY_PLACES -> name + " has more than " + FieldType.MONEY_SCALE
                                + " decimal places (the warehouse keeps " + FieldType.MONEY_SCALE + ")";
                        case TOO_LARGE -> name + " is too large for DECIMAL(38,18)";
                        default -> name + " is not a decimal (-digits.digits)";
                    }, text);
                    return null;
                }
                checkNumber(field, value, text);
                return value;
            }
            case DATE -> {
                int day = DateText.parseEpochDay(text);
                if (day == DateText.INVALID) {
                    fail(name + " is not a valid date YYYY-MM-DD", text);
                    return null;
                }
                return day;
            }
            case TIMESTAMP -> {
                long micros = timestamps.parseMicros(text);
                if (micros == TimestampText.INVALID) {
                    fail(name + " is not an ISO-8601 timestamp", text);
                    return null;
                }
                if (timestamps.lastLackedOffset()) {
                    offsetlessCounts[i]++;
                }
                return micros;
            }
            default -> throw new IllegalStateException(field.type() + " is not an input type");
        }
    }

    private static Long parseInteger(String text, long max) {
        if (text.length() > 19) {
            return null;
        }
        long v = 0;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (!TimestampText.isDigit(c)) {
                return null;
            }
            v = v * 10 + (c - '0');
            if (v > max || v < 0) {
                return null;
            }
        }
        return v;
    }

    private void checkNumber(Field field, BigDecimal value, String text) {
        for (Check check : field.checks()) {
            boolean ok = true;
            if (check instanceof Check.Min min) {
                ok = min.accepts(value);
            } else if (check instanceof Check.Max max) {
                ok = max.accepts(value);
            }
            if (!ok) {
                fail(check.describe(field.name()), text);
            }
        }
    }

    private void checkText(Field field, String text) {
        for (Check check : field.checks()) {
            boolean ok = true;
            if (check instanceof Check.OneOf oneOf) {
                ok = oneOf.accepts(text);
            } else if (check instanceof Check.CurrencyCode code) {
                ok = code.accepts(text);
            } else if (check instanceof Check.YearMonth month) {
                ok = month.accepts(text);
            }
            if (!ok) {
                fail(check.describe(field.name()), text);
            }
        }
    }

    private void fail(String kind, String text) {
        String shown = text.length() > 80 ? text.substring(0, 80) + "..." : text;
        reasons.add(new Reason(kind, kind + ": \"" + shown + "\""));
    }

    private int indexOrMinusOne(String name) {
        return schema.field(name).isPresent() ? schema.indexOf(name) : -1;
    }
}
