package io.commercemetrics.schemas.export;

import io.commercemetrics.schemas.FieldType;
import io.commercemetrics.schemas.TableSchema;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * The row order of an export: by every column in the order listed, by typed value (numbers
 * numerically, dates and times chronologically, text by Unicode code point), nulls first.
 */
public final class ExportOrder {

    private ExportOrder() {
    }

    public static Comparator<Object[]> rows(TableSchema table) {
        List<FieldType> types = table.fields().stream().map(f -> f.type()).toList();
        return (a, b) -> {
            for (int i = 0; i < types.size(); i++) {
                int c = compare(types.get(i), a[i], b[i]);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
    }

    static int compare(FieldType type, Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return switch (type) {
            case STRING -> byCodePoint((String) a, (String) b);
            case INT, LONG -> Long.compare(((Number) a).longValue(), ((Number) b).longValue());
            case DECIMAL, RATIO -> ((BigDecimal) a).compareTo((BigDecimal) b);
            case BOOLEAN -> Boolean.compare((Boolean) a, (Boolean) b);
            case DATE -> ExportFormat.toLocalDate(a).compareTo(ExportFormat.toLocalDate(b));
            case TIMESTAMP -> ExportFormat.toInstant(a).compareTo(ExportFormat.toInstant(b));
        };
    }

    /**
     * Text order everywhere in the product (exports, tie-breaks on ids): by Unicode code point.
     * String.compareTo compares UTF-16 units, which misorders characters beyond the BMP.
     */
    public static int byCodePoint(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
