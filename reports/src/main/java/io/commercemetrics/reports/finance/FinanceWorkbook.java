package io.commercemetrics.reports.finance;

import io.commercemetrics.reports.Provenance;
import io.commercemetrics.reports.export.XlsxText;
import io.commercemetrics.warehouse.MetricsRunRecord;
import io.commercemetrics.reports.warehouse.TableRow;
import io.commercemetrics.schemas.export.CurrencyUnits;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The month's statement as a workbook finance can compute with: amounts are numeric cells formatted
 * to their currency's minor unit, a totals row per currency under the lines, the reconciliation
 * exceptions on a second sheet, the provenance (with date cells) on a third; headers frozen.
 */
public final class FinanceWorkbook {

    static final List<String> STATEMENT_HEADERS = List.of("Sharer", "Currency", "Opening balance", "Accrued (pending)",
            "Released", "Clawback", "Payable", "Expected payout", "Paid", "Closing balance");
    static final List<String> EXCEPTION_HEADERS = List.of("Sharer", "Currency", "Expected payout", "Paid",
            "Difference", "Status", "Payout ids", "Falls due", "State");
    static final String EXCEPTION = "exception";
    static final String NOT_DUE_YET = "not due yet";

    private final XSSFWorkbook book = new XSSFWorkbook();
    private final Font boldFont;
    private final CellStyle header;
    private final CellStyle bold;
    private final CellStyle count;
    private final CellStyle date;
    private final CellStyle timestamp;
    private final Map<String, CellStyle> money = new HashMap<>();

    public FinanceWorkbook() {
        boldFont = book.createFont();
        boldFont.setBold(true);
        header = book.createCellStyle();
        header.setFont(boldFont);
        header.setWrapText(true);
        bold = book.createCellStyle();
        bold.setFont(boldFont);
        count = format("#,##0", false);
        date = format("yyyy-mm-dd", false);
        timestamp = format("yyyy-mm-dd hh:mm:ss", false);
    }

    public void write(MonthLedger ledger, Provenance provenance, OutputStream out) throws IOException {
        try (book) {
            statement(ledger);
            exceptions(ledger);
            provenance(provenance);
            book.write(out);
        }
    }

    private void statement(MonthLedger ledger) {
        Sheet sheet = headed("Statement", STATEMENT_HEADERS, new int[] {18, 9, 16, 16, 14, 14, 14, 16, 14, 16});
        int r = 1;
        for (TableRow line : ledger.statement()) {
            Row row = sheet.createRow(r++);
            String currency = line.text("currency");
            XlsxText.set(row.createCell(0), line.text("sharer_id"));
            XlsxText.set(row.createCell(1), currency);
            for (int i = 0; i < MonthLedger.AMOUNTS.size(); i++) {
                amount(row.createCell(2 + i), line.decimal(MonthLedger.AMOUNTS.get(i)), currency, false);
            }
        }
        int lastLine = r - 1;
        for (Map.Entry<String, Map<String, BigDecimal>> total : ledger.totalsByCurrency().entrySet()) {
            Row row = sheet.createRow(r++);
            text(row.createCell(0), "Total", bold);
            text(row.createCell(1), total.getKey(), bold);
            for (int i = 0; i < MonthLedger.AMOUNTS.size(); i++) {
                amount(row.createCell(2 + i), total.getValue().get(MonthLedger.AMOUNTS.get(i)), total.getKey(), true);
            }
        }
        if (lastLine >= 1) {
            sheet.setAutoFilter(new CellRangeAddress(0, lastLine, 0, STATEMENT_HEADERS.size() - 1));
        }
    }

    /**
     * Every reconciliation row of the month that is not matched, the exceptions and the payouts not
     * due yet (State tells them apart; Falls due is the month's payday); a filter on the lines and a
     * totals row per currency under them, summed exactly from the lines.
     */
    private void exceptions(MonthLedger ledger) {
        Sheet sheet = headed("Reconciliation", EXCEPTION_HEADERS, new int[] {18, 9, 16, 14, 14, 18, 40, 12, 12});
        int r = 1;
        List<TableRow> lines = ledger.unmatched();
        for (TableRow line : lines) {
            Row row = sheet.createRow(r++);
            String currency = line.text("currency");
            XlsxText.set(row.createCell(0), line.text("sharer_id"));
            XlsxText.set(row.createCell(1), currency);
            amount(row.createCell(2), line.decimal("expected_payout"), currency, false);
            amount(row.createCell(3), line.decimal("paid"), currency, false);
            amount(row.createCell(4), line.decimal("difference"), currency, false);
            XlsxText.set(row.createCell(5), line.text("status"));
            XlsxText.set(row.createCell(6), line.text("payout_ids") == null ? "" : line.text("payout_ids"));
            Cell due = row.createCell(7);
            due.setCellValue(ledger.dueDate());
            due.setCellStyle(date);
            XlsxText.set(row.createCell(8), ledger.isNotYetDue(line) ? NOT_DUE_YET : EXCEPTION);
        }
        int lastLine = r - 1;
        for (Map.Entry<String, Map<String, BigDecimal>> total : ledger.unmatchedTotalsByCurrency().entrySet()) {
            Row row = sheet.createRow(r++);
            text(row.createCell(0), "Total", bold);
            text(row.createCell(1), total.getKey(), bold);
            for (int i = 0; i < MonthLedger.RECONCILED.size(); i++) {
                amount(row.createCell(2 + i), total.getValue().get(MonthLedger.RECONCILED.get(i)), total.getKey(), true);
            }
        }
        if (lastLine >= 1) {
            sheet.setAutoFilter(new CellRangeAddress(0, lastLine, 0, EXCEPTION_HEADERS.size() - 1));
        }
    }

    private void provenance(Provenance provenance) {
        MetricsRunRecord run = provenance.run();
        Sheet sheet = headed("Provenance", List.of("Item", "Value", "Read", "Accepted", "Quarantined", "Superseded",
                "Kept"), new int[] {24, 40, 12, 12, 12, 12, 12});
        int r = 1;
        r = dateRow(sheet, r, "Period start", provenance.period().start());
        r = dateRow(sheet, r, "Period end", provenance.period().end());
        r = dateRow(sheet, r, "Data through", provenance.dataEnd());
        Row computed = sheet.createRow(r++);
        computed.createCell(0).setCellValue("Computed at (" + run.reportingTimeZone() + ")");
        if (provenance.computedAtLocal() != null) {
            Cell cell = computed.createCell(1);
            cell.setCellValue(provenance.computedAtLocal());
            cell.setCellStyle(timestamp);
        }
        for (String[] item : new String[][] {{"Run id", run.runId()}, {"Commission rules", provenance.ruleVersions()},
                {"Reporting time zone", run.reportingTimeZone()}, {"Reporting currency", run.reportingCurrency()}}) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(item[0]);
            XlsxText.set(row.createCell(1), item[1]);
        }
        if (provenance.restatedLine() != null) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue("Restated");
            XlsxText.set(row.createCell(1), provenance.restatedLine());
        }
        for (MetricsRunRecord.InputFile input : run.inputs()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue("Input " + input.source());
            XlsxText.set(row.createCell(1), provenance.fileLabel(input));
            Long[] counts = {input.read(), input.accepted(), input.quarantined(), input.superseded(), input.rows()};
            for (int c = 0; c < counts.length; c++) {
                if (counts[c] != null) {
                    Cell cell = row.createCell(2 + c);
                    cell.setCellValue(counts[c]);
                    cell.setCellStyle(count);
                }
            }
        }
    }

    private int dateRow(Sheet sheet, int r, String label, LocalDate value) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(label);
        Cell cell = row.createCell(1);
        cell.setCellValue(value);
        cell.setCellStyle(date);
        return r + 1;
    }

    private Sheet headed(String name, List<String> headers, int[] widths) {
        Sheet sheet = book.createSheet(name);
        Row row = sheet.createRow(0);
        for (int c = 0; c < headers.size(); c++) {
            text(row.createCell(c), headers.get(c), header);
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    private void amount(Cell cell, BigDecimal value, String currency, boolean total) {
        if (value == null) {
            cell.setBlank();
            return;
        }
        cell.setCellValue(CurrencyUnits.round(value, currency).doubleValue());
        int digits = CurrencyUnits.minorUnit(currency);
        cell.setCellStyle(money.computeIfAbsent(digits + (total ? "b" : ""),
                key -> format(digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits), total)));
    }

    private static void text(Cell cell, String value, CellStyle style) {
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private CellStyle format(String pattern, boolean isBold) {
        CellStyle style = book.createCellStyle();
        style.setDataFormat(book.createDataFormat().getFormat(pattern));
        if (isBold) {
            style.setFont(boldFont);
        }
        return style;
    }
}
