package io.commercemetrics.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercemetrics.jobs.spark.SharedSpark;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rejected records are the user's text at its most hostile: a formula, a record longer than a
 * spreadsheet cell. The quarantine still exports, as CSV a spreadsheet will not run and as XLSX.
 */
class HostileTextExportTest {

    @TempDir
    Path dir;

    @Test
    void theQuarantineExportsWithAFormulaMadeInertAndARecordLongerThanACellCut() throws Exception {
        SharedSpark.session();
        Path input = Files.createDirectories(dir.resolve("input"));
        String huge = "9".repeat(40_000);
        Files.writeString(input.resolve("orders.csv"), "order_id,customer_id,order_ts,status,currency,gross_amount,"
                + "discount_amount,channel\n"
                + "o1,c1,2026-10-01T10:00:00+08:00,paid,CNY,100.00,0.00,ads\n"
                + "=HYPERLINK(\"http://x\"),c2,2026-10-02T10:00:00+08:00,paid,CNY,not-money,0.00,ads\n"
                + "o3,c3,2026-10-03T10:00:00+08:00,paid,CNY,1." + huge + ",0.00,ads\n", StandardCharsets.UTF_8);
        Path warehouse = dir.resolve("warehouse");
        assertThat(CommerceMetricsCli.execute("ingest", "--input", input.toString(),
                "--warehouse", warehouse.toString())).isZero();

        Path out = dir.resolve("out");
        assertThat(CommerceMetricsCli.execute("export", "--warehouse", warehouse.toString(), "--out", out.toString(),
                "--tables", "quarantine")).isZero();
        String csv = Files.readString(out.resolve("quarantine.csv"), StandardCharsets.UTF_8);
        assertThat(csv).contains(",\"'=HYPERLINK(\"\"http://x\"\"),c2,").doesNotContain(",\"=HYPERLINK");

        assertThat(CommerceMetricsCli.execute("export", "--warehouse", warehouse.toString(), "--out", out.toString(),
                "--tables", "quarantine", "--format", "xlsx")).isZero();
        try (InputStream in = Files.newInputStream(out.resolve("metrics.xlsx"));
             XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet sheet = book.getSheet("quarantine");
            int raw = 3; // source, file, line, raw, reasons, run_id
            assertThat(sheet.getRow(0).getCell(raw).getStringCellValue()).isEqualTo("raw");
            boolean cut = false;
            boolean formula = false;
            for (Row row : sheet) {
                Cell cell = row.getCell(raw);
                assertThat(cell.getCellType()).isIn(CellType.STRING, CellType.BLANK);
                String text = cell.getStringCellValue();
                cut |= text.length() == 32_767 && text.endsWith("characters]") && text.startsWith("o3,c3,");
                formula |= text.startsWith("=HYPERLINK");
            }
            assertThat(cut).isTrue();
            assertThat(formula).as("the formula text, kept as a string cell").isTrue();
        }
    }
}
