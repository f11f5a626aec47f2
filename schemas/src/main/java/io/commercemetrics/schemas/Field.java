package io.commercemetrics.schemas;

import java.util.List;
import java.util.Objects;

/**
 * One column of a source or metric table.
 *
 * @param name          the column name, lower snake case, as in DATA.md / METRICS.md
 * @param type          its value type
 * @param required      (R) in DATA.md: null or empty is a quarantine reason
 * @param defaultValue  the text used when the value is null (e.g. {@code 0} for discounts), or null
 * @param checks        single-value rules the typed value must pass
 * @param description   one line for help text and documentation
 */
public record Field(String name, FieldType type, boolean required, String defaultValue,
                   List<Check> checks, String description) {

    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        checks = List.copyOf(checks);
        description = description == null ? "" : description;
    }

    public static Field required(String name, FieldType type, String description, Check... checks) {
        return new Field(name, type, true, null, List.of(checks), description);
    }

    public static Field optional(String name, FieldType type, String description, Check... checks) {
        return new Field(name, type, false, null, List.of(checks), description);
    }

    /** An optional field that takes {@code defaultValue} when null. */
    public static Field withDefault(String name, FieldType type, String defaultValue, String description,
                                    Check... checks) {
        return new Field(name, type, false, defaultValue, List.of(checks), description);
    }
}
