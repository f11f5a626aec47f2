package io.commercemetrics.reports.format;

/**
 * Text as a terminal shows it: East Asian wide characters (Chinese, Japanese, Korean, full-width
 * forms) take two columns, combining marks none. String.format pads by chars, which misaligns a
 * table as soon as a file is called {@code orders-十月 导出.csv}. The ingest summary and the
 * restatement both pad their columns with it.
 */
public final class TerminalText {

    private TerminalText() {
    }

    public static int width(String text) {
        return text.codePoints().map(TerminalText::width).sum();
    }

    /** {@code text} cut to at most {@code columns} (with "..." when cut), then padded with spaces to exactly that. */
    public static String fit(String text, int columns) {
        StringBuilder out = new StringBuilder();
        if (width(text) <= columns) {
            out.append(text);
        } else {
            int used = 0;
            for (int cp : text.codePoints().toArray()) {
                if (used + width(cp) > columns - 3) {
                    break;
                }
                out.appendCodePoint(cp);
                used += width(cp);
            }
            out.append("...");
        }
        return out.append(" ".repeat(Math.max(0, columns - width(out.toString())))).toString();
    }

    private static int width(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            return 0;
        }
        boolean wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
                || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F)
                || (cp >= 0x20000 && cp <= 0x3FFFD);
        return wide ? 2 : 1;
    }
}
