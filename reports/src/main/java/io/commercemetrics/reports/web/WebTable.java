package io.commercemetrics.reports.web;

import io.commercemetrics.reports.format.Figures;
import io.commercemetrics.reports.format.Shades;
import io.commercemetrics.reports.jasper.SectionRows;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A table of the web page, built from the same section rows the PDF's subreport reads: a header
 * row, then one row per section row, numbers right-aligned, totals and subtotals ({@code emphasis})
 * in bold, rates with the PDF's shade. The template draws every table the same way.
 *
 * @param columns the header row
 * @param rows    the body, in the section's order
 * @param empty   what the page says instead of an empty table
 * @param cards   on a phone, each row a card of "heading: value" lines instead of a table that
 *                scrolls sideways: for rows whose every column matters (headline figures, reviews)
 */
public record WebTable(List<Column> columns, List<Row> rows, String empty, boolean cards) {

    public static final String NOTHING = "Nothing to show for this period.";

    /**
     * @param numeric right-aligned: counts, money, rates, changes
     * @param prose   sentences (notes, review text): wrapped in a column wide enough to read
     */
    public record Column(String header, boolean numeric, boolean prose, Function<Map<String, ?>, String> value,
                         Function<Map<String, ?>, String> shade) {

        public static Column text(String header, String field) {
            return new Column(header, false, false, row -> text(row.get(field)), row -> null);
        }

        public static Column prose(String header, String field) {
            return new Column(header, false, true, row -> text(row.get(field)), row -> null);
        }

        public static Column number(String header, String field) {
            return new Column(header, true, false, row -> text(row.get(field)), row -> null);
        }

        /** A rate shaded like the PDF's cell, from the row's {@code shadeField}. */
        public static Column shaded(String header, String field, String shadeField) {
            return new Column(header, true, false, row -> text(row.get(field)), row -> text(row.get(shadeField)));
        }

        /** An amount of the row's own {@code currency}, rounded to its minor unit as the PDF prints it. */
        public static Column money(String header, String field) {
            return new Column(header, true, false,
                    row -> Figures.money((BigDecimal) row.get(field), (String) row.get("currency")), row -> null);
        }

        private static String text(Object value) {
            return value == null ? "" : value.toString();
        }
    }

    /** @param emphasis a total or subtotal row */
    public record Row(boolean emphasis, List<Cell> cells) {
    }

    /**
     * @param label the column's header, repeated beside the value when a row reads as a card
     * @param shade a background colour, or null: white cells keep the table's zebra stripes
     */
    public record Cell(String label, String text, boolean numeric, boolean prose, String shade) {
    }

    /** The same table, read as cards on a phone. */
    public WebTable asCards() {
        return new WebTable(columns, rows, empty, true);
    }

    /** Whether there is a row to show: else the page says {@link #empty()}. */
    public boolean present() {
        return !rows.isEmpty();
    }

    public static WebTable of(SectionRows section, List<Column> columns) {
        return of(section.rows(), columns, NOTHING);
    }

    public static WebTable of(List<? extends Map<String, ?>> section, List<Column> columns, String empty) {
        List<Row> rows = new ArrayList<>();
        for (Map<String, ?> row : section) {
            List<Cell> cells = new ArrayList<>();
            for (Column column : columns) {
                String shade = column.shade().apply(row);
                cells.add(new Cell(column.header(), column.value().apply(row), column.numeric(), column.prose(),
                        shade == null || shade.isEmpty() || Shades.BLANK.equalsIgnoreCase(shade) ? null : shade));
            }
            rows.add(new Row(Boolean.TRUE.equals(row.get("emphasis")), List.copyOf(cells)));
        }
        return new WebTable(List.copyOf(columns), List.copyOf(rows), empty, false);
    }

    /**
     * A figures section ({@code section}, {@code label}, {@code value}, {@code note} rows, as
     * {@code figures.jrxml} reads them) as one table per {@code section}, in the order they come.
     */
    public static List<Captioned> bySection(SectionRows section) {
        Map<String, List<Map<String, ?>>> groups = new LinkedHashMap<>();
        for (Map<String, ?> row : section.rows()) {
            groups.computeIfAbsent(String.valueOf(row.get("section")), key -> new ArrayList<>()).add(row);
        }
        List<Column> columns = List.of(Column.text("Figure", "label"), Column.number("Value", "value"),
                Column.prose("Note", "note"));
        List<Captioned> tables = new ArrayList<>();
        if (groups.isEmpty()) {
            tables.add(new Captioned("", of(List.of(), columns, NOTHING)));
        }
        groups.forEach((caption, rows) -> tables.add(new Captioned(caption, of(rows, columns, NOTHING))));
        return tables;
    }

    /** A table under its own small heading. */
    public record Captioned(String caption, WebTable table) {
    }
}
