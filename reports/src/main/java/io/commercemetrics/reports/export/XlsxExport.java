package io.commercemetrics.reports.export;

import io.commercemetrics.schemas.Field;
import io.commercemetrics.schemas.FieldType;
import io.commercemetrics.schemas.MetricTables;
import io.commercemetrics.schemas.TableSchema;
import io.commercemetrics.schemas.export.CurrencyUnits;
import io.commercemetrics.schemas.export.ExportOrder;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes metric tables as XLSX a spreadsheet user can compute with: numbers are numeric cells
 * (money formatted to its currency's minor unit, ratios to 6 places), dates and timestamps are
 * date cells (timestamps at their local time in the reporting zone, named in the header), the
 * header row is bold and frozen with a filter, rows sorted as the CSV export.
 */
public final class XlsxExport {

    private static final int MAX_WIDTH_CHARS = 60;

    private final ZoneId reportingZone;
    private final String reportingCurrency;

    public XlsxExport(ZoneId reportingZone, String reportingCurrency) {
        this.reportingZone = reportingZone;
        this.reportingCurrency = reportingCurrency;
    }

    /** One sheet per table, in the order given. */
    public void write(Map<TableSchema, List<Object[]>> tables, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Styles styles = new Styles(workbook);
            for (Map.Entry<TableSchema, List<Object[]>> table : tables.entrySet()) {
                writeSheet(workbook, styles, table.getKey(), table.getValue());
            }
            workbook.write(out);
            workbook.dispose();
        }
    }

    private void writeSheet(SXSSFWorkbook workbook, Styles styles, TableSchema table, List<Object[]> rows) {
        SXSSFSheet sheet = workbook.createSheet(table.name());
        List<Object[]> sorted = new ArrayList<>(rows);
        sorted.sort(ExportOrder.rows(table));

        Row header = sheet.createRow(0);
        int[] widths = new int[table.fields().size()];
        for (int c = 0; c < widths.length; c++) {
            Field field = table.fields().get(c);
            String title = field.type() == FieldType.TIMESTAMP
                    ? field.name() + " (" + reportingZone.getId() + ")" : field.name();
            Cell cell = header.createCell(c);
            cell.setCellValue(title);
            cell.setCellStyle(styles.header);
            widths[c] = title.length();
        }
        int currencyColumn = table.field("currency").isPresent() ? table.indexOf("currency") : -1;
        for (int r = 0; r < sorted.size(); r++) {
            Object[] values = sorted.get(r);
            String rowCurrency = currencyColumn >= 0 ? (String) values[currencyColumn] : reportingCurrency;
            Row row = sheet.createRow(r + 1);
            for (int c = 0; c < values.length; c++) {
                Field field = table.fields().get(c);
                String currency = MetricTables.isRowCurrencyMoney(table, field) ? rowCurrency : reportingCurrency;
                int width = writeCell(row.createCell(c), field.type(), values[c], currency, styles);
                widths[c] = Math.max(widths[c], width);
            }
        }
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, Math.min(widths[c] + 2, MAX_WIDTH_CHARS) * 256);
        }
        sheet.createFreezePane(0, 1);
        if (!sorted.isEmpty()) {
            sheet.setAutoFilter(new CellRangeAddress(0, sorted.size(), 0, widths.length - 1));
        }
    }

    /** Writes one cell and returns the width in characters its text needs. */
    private int writeCell(Cell cell, FieldType type, Object value, String currency, Styles styles) {
        if (value == null) {
            cell.setBlank();
            return 0;
        }
        switch (type) {
            case STRING -> {
                return XlsxText.set(cell, (String) value).length() + 2;
            }
            case INT, LONG -> {
                cell.setCellValue(((Number) value).doubleValue());
                cell.setCellStyle(styles.integer);
            }
            case BOOLEAN -> cell.setCellValue((Boolean) value);
            case RATIO -> {
                cell.setCellValue(((BigDecimal) value).setScale(6, RoundingMode.HALF_UP).doubleValue());
                cell.setCellStyle(styles.ratio);
            }
            case DECIMAL -> {
                cell.setCellValue(CurrencyUnits.round((BigDecimal) value, currency).doubleValue());
                cell.setCellStyle(styles.money(CurrencyUnits.minorUnit(currency)));
            }
            case DATE -> {
                cell.setCellValue((LocalDate) value);
                cell.setCellStyle(styles.date);
                return 10;
            }
            case TIMESTAMP -> {
                cell.setCellValue(((Instant) value).atZone(reportingZone).toLocalDateTime());
                cell.setCellStyle(styles.timestamp);
                return 19;
            }
        }
        return String.valueOf(value).length() + 2;
    }

    /** Cell styles are workbook-wide and limited in number: create each once. */
    private static final class Styles {
        final CellStyle header;
        final CellStyle integer;
        final CellStyle ratio;
        final CellStyle date;
        final CellStyle timestamp;
        private final Map<Integer, CellStyle> money = new HashMap<>();
        private final SXSSFWorkbook workbook;

        Styles(SXSSFWorkbook workbook) {
            this.workbook = workbook;
            header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            integer = format("#,##0");
            ratio = format("0.000000");
            date = format("yyyy-mm-dd");
            timestamp = format("yyyy-mm-dd hh:mm:ss");
        }

        CellStyle money(int minorUnit) {
            return money.computeIfAbsent(minorUnit,
                    digits -> format(digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits)));
        }

        private CellStyle format(String pattern) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(pattern));
            return style;
        }
    }
}
