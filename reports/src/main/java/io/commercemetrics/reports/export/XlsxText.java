package io.commercemetrics.reports.export;

import java.text.NumberFormat;
import java.util.Locale;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;

/**
 * A text cell of a workbook: always a string cell, never a formula (so {@code =HYPERLINK(...)} from
 * input data stays text), and cut to the 32,767 characters Excel allows per cell with a visible
 * marker, because POI refuses a longer value and one long quarantined record must not stop an export.
 */
public final class XlsxText {

    public static final int MAX_CHARS = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    private XlsxText() {
    }

    /** Sets {@code text} as a string cell (blank for null) and returns the text written. */
    public static String set(Cell cell, String text) {
        if (text == null) {
            cell.setBlank();
            return "";
        }
        String fitted = fit(text);
        cell.setCellValue(fitted);
        return fitted;
    }

    /** {@code text} itself when it fits, else its start and "… [cut: 40,123 characters]" within the limit. */
    public static String fit(String text) {
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        String marker = " … [cut: " + NumberFormat.getIntegerInstance(Locale.ROOT).format(text.length())
                + " characters]";
        int keep = MAX_CHARS - marker.length();
        // never split a surrogate pair: half a character would be an invalid string in the sheet
        if (Character.isHighSurrogate(text.charAt(keep - 1))) {
            keep--;
        }
        return text.substring(0, keep) + marker;
    }
}
