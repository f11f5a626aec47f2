package io.commercemetrics.schemas.export;

import io.commercemetrics.schemas.TableSchema;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a metric table as CSV per METRICS.md: the contract's column names in order, UTF-8 without
 * BOM (the caller opens the writer so), {@code \n} line ends, quoting only where CSV needs it, rows
 * sorted by {@link ExportOrder}.
 */
public final class CsvExport {

    private final ExportFormat format;

    public CsvExport(ExportFormat format) {
        this.format = format;
    }

    /** Sorts a copy of {@code rows} and writes header and rows. */
    public void write(TableSchema table, List<Object[]> rows, Writer out) throws IOException {
        List<Object[]> sorted = new ArrayList<>(rows);
        sorted.sort(ExportOrder.rows(table));
        writeLine(table.columnNames().toArray(String[]::new), out);
        for (Object[] row : sorted) {
            writeLine(format.formatRow(table, row), out);
        }
    }

    public String toCsv(TableSchema table, List<Object[]> rows) {
        java.io.StringWriter out = new java.io.StringWriter();
        try {
            write(table, rows, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void writeLine(String[] cells, Writer out) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quoteIfNeeded(cells[i]));
        }
        out.write('\n');
    }

    static String quoteIfNeeded(String cell) {
        boolean needs = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0
                || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0;
        return needs ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }
}
