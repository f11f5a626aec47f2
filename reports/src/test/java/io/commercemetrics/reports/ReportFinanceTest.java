package io.commercemetrics.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import io.commercemetrics.reports.warehouse.WarehouseTables;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The finance report of month 2026-10 of the golden warehouse: PDF text, XLSX cells and CSV lines. */
class ReportFinanceTest {

    @TempDir
    static Path dir;
    static Path month;
    static ReportSet written;

    @BeforeAll
    static void renderOctober() throws Exception {
        WarehouseTables metrics = GoldenWarehouse.write(dir.resolve("warehouse"));
        written = new ReportRenderer().render(new ReportRequest(metrics, dir.resolve("out"), "2026-10",
                ReportKind.finance, null));
        month = dir.resolve("out/2026-10");
    }

    @Test
    void onlyTheFinanceFilesOfTheMonth() {
        assertThat(written.reports()).containsExactly(month.resolve("finance.pdf"), month.resolve("finance.html"),
                month.resolve("assets/finance.ttf"), month.resolve("finance.xlsx"), month.resolve("finance.csv"));
    }

    @Test
    void theStatementPdfHasEveryLineAndTotalsPerCurrencyThatAddUp() throws Exception {
        String text = RenderedReports.pdfText(month.resolve("finance.pdf"));
        assertThat(text)
                .contains("3 statement lines for 3 sharers in 2 currencies (CNY, JPY); 1 reconciliation exception; "
                        + "1 payout not due yet (due on 2026-11-05).")
                .contains("s-alice CNY 100.00 250.50 180.25 10.00 170.25 270.25 270.25 0.00")
                .contains("s-bob CNY 0.00 99.99 50.10 0.00 50.10 50.10 0.00 50.10")
                .contains("Total CNY 100.00 350.49 230.35 10.00 220.35 320.35 270.25 50.10")
                .contains("s-chen JPY 0 1,500 1,200 0 1,200 1,200 1,300 -100")
                .contains("Total JPY 0 1,500 1,200 0 1,200 1,200 1,300 -100")
                // September's line is another month's
                .doesNotContain("300.00");
    }

    /**
     * The data ends on 2026-11-03, before October's payday (the 5th of November): s-bob's unpaid
     * payout is not due yet, listed apart with the day it falls due; s-chen's overpayment is an exception.
     */
    @Test
    void theReconciliationListsTheExceptionsApartFromThePayoutsNotDueYet() throws Exception {
        String text = RenderedReports.pdfText(month.resolve("finance.pdf"));
        String exceptions = text.substring(text.indexOf("Reconciliation"), text.indexOf("Payouts not due yet"));
        assertThat(exceptions).contains("s-chen JPY 1,200 1,300 100 overpaid p-7;p-9")
                .doesNotContain("s-bob").doesNotContain("s-alice").doesNotContain("matched p-3");
        String notDue = text.substring(text.indexOf("Payouts not due yet"));
        assertThat(notDue.replaceAll("\\s+", " ")).contains("the month's payouts fall due on 2026-11-05 (the payday), "
                        + "after the data end 2026-11-03")
                .contains("s-bob CNY 50.10 0.00 -50.10 unpaid, due 2026-11-05")
                .doesNotContain("s-chen");
        assertThat(text).contains("Run id " + GoldenWarehouse.RUN_ID).contains("Data through 2026-11-03");
    }

    /** Paid on the 2nd instead, October's payouts were due before the data end: s-bob is an exception. */
    @Test
    void thePaydayIsConfigurable() throws Exception {
        WarehouseTables metrics = GoldenWarehouse.write(dir.resolve("payday-warehouse"));
        new ReportRenderer().render(new ReportRequest(metrics, dir.resolve("payday-out"), "2026-10",
                ReportKind.finance, null, new io.commercemetrics.reports.finance.Payday(2)));
        String text = RenderedReports.pdfText(dir.resolve("payday-out/2026-10/finance.pdf"));
        assertThat(text).contains("(CNY, JPY); 2 reconciliation exceptions.").doesNotContain("Payouts not due yet");
        assertThat(text.substring(text.indexOf("Reconciliation"))).contains("s-bob CNY 50.10 0.00 -50.10 unpaid")
                .contains("s-chen JPY 1,200 1,300 100 overpaid");
    }

    @Test
    void theWorkbookHasNumericCellsATotalsRowPerCurrencyAndAFrozenHeader() throws Exception {
        try (XSSFWorkbook book = RenderedReports.workbook(month.resolve("finance.xlsx"))) {
            Sheet statement = book.getSheet("Statement");
            assertThat(statement.getPaneInformation().isFreezePane()).isTrue();
            assertThat(statement.getRow(0).getCell(3).getStringCellValue()).isEqualTo("Accrued (pending)");
            Row alice = statement.getRow(1);
            assertThat(alice.getCell(0).getStringCellValue()).isEqualTo("s-alice");
            assertThat(alice.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(alice.getCell(3).getNumericCellValue()).isEqualTo(250.50);
            assertThat(alice.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            Row cnyTotal = statement.getRow(4);
            assertThat(cnyTotal.getCell(0).getStringCellValue()).isEqualTo("Total");
            assertThat(cnyTotal.getCell(1).getStringCellValue()).isEqualTo("CNY");
            assertThat(cnyTotal.getCell(3).getNumericCellValue()).isEqualTo(350.49);
            assertThat(cnyTotal.getCell(9).getNumericCellValue()).isEqualTo(50.10);
            Row jpyTotal = statement.getRow(5);
            assertThat(jpyTotal.getCell(1).getStringCellValue()).isEqualTo("JPY");
            assertThat(jpyTotal.getCell(8).getNumericCellValue()).isEqualTo(1300.0);
            assertThat(jpyTotal.getCell(8).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            assertThat(statement.getColumnWidth(0)).isGreaterThan(10 * 256);

            Sheet reconciliation = book.getSheet("Reconciliation");
            assertThat(reconciliation.getRow(1).getCell(0).getStringCellValue()).isEqualTo("s-bob");
            assertThat(reconciliation.getRow(1).getCell(4).getNumericCellValue()).isEqualTo(-50.10);
            assertThat(reconciliation.getRow(2).getCell(6).getStringCellValue()).isEqualTo("p-7;p-9");

            Sheet provenance = book.getSheet("Provenance");
            Row dataThrough = provenance.getRow(3);
            assertThat(dataThrough.getCell(0).getStringCellValue()).isEqualTo("Data through");
            assertThat(DateUtil.isCellDateFormatted(dataThrough.getCell(1))).isTrue();
            assertThat(dataThrough.getCell(1).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 11, 3, 0, 0));
            // computed at 01:02:03Z is 09:02:03 in Shanghai
            assertThat(provenance.getRow(4).getCell(1).getLocalDateTimeCellValue())
                    .isEqualTo(LocalDateTime.of(2026, 11, 4, 9, 2, 3));
            Row orders = provenance.getRow(9);
            assertThat(orders.getCell(0).getStringCellValue()).isEqualTo("Input orders");
            assertThat(orders.getCell(1).getStringCellValue()).isEqualTo("2026-10/orders.csv");
            assertThat(provenance.getRow(0).getCell(2).getStringCellValue()).isEqualTo("Read");
            assertThat(orders.getCell(2).getNumericCellValue()).isEqualTo(3000.0);
            assertThat(orders.getCell(5).getNumericCellValue()).isEqualTo(1756.0);
            assertThat(orders.getCell(6).getNumericCellValue()).isEqualTo(1234.0);
            Row reviews = provenance.getRow(11);
            assertThat(reviews.getCell(1).getStringCellValue()).isEqualTo("reviews.jsonl");
            assertThat(reviews.getCell(2)).isNull();
            assertThat(reviews.getCell(6).getNumericCellValue()).isEqualTo(56.0);
        }
    }

    /**
     * The Reconciliation sheet: each line says whether it is an exception or a payout not due yet and
     * when the month's payouts fall due; a filter over the lines; a totals row per currency, in the
     * currency's format, under them.
     */
    @Test
    void theReconciliationSheetHasStatesTotalsPerCurrencyAndAFilter() throws Exception {
        try (XSSFWorkbook book = RenderedReports.workbook(month.resolve("finance.xlsx"))) {
            Sheet reconciliation = book.getSheet("Reconciliation");
            assertThat(reconciliation.getRow(0).getCell(7).getStringCellValue()).isEqualTo("Falls due");
            assertThat(reconciliation.getRow(0).getCell(8).getStringCellValue()).isEqualTo("State");
            Row bob = reconciliation.getRow(1);
            assertThat(bob.getCell(5).getStringCellValue()).isEqualTo("unpaid");
            assertThat(bob.getCell(7).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 11, 5, 0, 0));
            assertThat(DateUtil.isCellDateFormatted(bob.getCell(7))).isTrue();
            assertThat(bob.getCell(8).getStringCellValue()).isEqualTo("not due yet");
            assertThat(reconciliation.getRow(2).getCell(8).getStringCellValue()).isEqualTo("exception");

            Row cnyTotal = reconciliation.getRow(3);
            assertThat(cnyTotal.getCell(0).getStringCellValue()).isEqualTo("Total");
            assertThat(cnyTotal.getCell(1).getStringCellValue()).isEqualTo("CNY");
            assertThat(cnyTotal.getCell(2).getNumericCellValue()).isEqualTo(50.10);
            assertThat(cnyTotal.getCell(3).getNumericCellValue()).isEqualTo(0.0);
            assertThat(cnyTotal.getCell(4).getNumericCellValue()).isEqualTo(-50.10);
            assertThat(cnyTotal.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            Row jpyTotal = reconciliation.getRow(4);
            assertThat(jpyTotal.getCell(1).getStringCellValue()).isEqualTo("JPY");
            assertThat(jpyTotal.getCell(3).getNumericCellValue()).isEqualTo(1300.0);
            assertThat(jpyTotal.getCell(4).getNumericCellValue()).isEqualTo(100.0);
            assertThat(jpyTotal.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            assertThat(reconciliation.getLastRowNum()).isEqualTo(4);

            assertThat(((org.apache.poi.xssf.usermodel.XSSFSheet) reconciliation).getCTWorksheet().getAutoFilter()
                    .getRef()).isEqualTo("A1:I3");
        }
    }

    @Test
    void theCsvIsTheStatementInTheExportFormat() throws Exception {
        assertThat(Files.readString(month.resolve("finance.csv"), StandardCharsets.UTF_8)).isEqualTo("""
                period,sharer_id,currency,opening_balance,accrued,released,clawback,payable,expected_payout,paid,closing_balance
                2026-10,s-alice,CNY,100.00,250.50,180.25,10.00,170.25,270.25,270.25,0.00
                2026-10,s-bob,CNY,0.00,99.99,50.10,0.00,50.10,50.10,0.00,50.10
                2026-10,s-chen,JPY,0,1500,1200,0,1200,1200,1300,-100
                """);
    }
}
