package io.commercemetrics.reports.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercemetrics.schemas.MetricTables;
import io.commercemetrics.schemas.TableSchema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class XlsxExportTest {

    @Test
    void numbersAndDatesAreTypedCellsAndRowsAreSorted() throws IOException {
        List<Object[]> lines = new ArrayList<>();
        // commission_lines: order_id, level, sharer_id, share_id, currency, base, rate, rule_version,
        //                   commission, accrual_date, lock_date
        lines.add(new Object[] {"o2", 1, "s1", "sh1", "JPY", new BigDecimal("1500"), new BigDecimal("0.1"),
                "default", new BigDecimal("150"), LocalDate.of(2026, 10, 3), LocalDate.of(2026, 10, 18)});
        lines.add(new Object[] {"o1", 2, "s2", "sh2", "CNY", new BigDecimal("99.99"), null,
                "default", new BigDecimal("3.005"), LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 16)});
        List<Object[]> attribution = new ArrayList<>();
        attribution.add(new Object[] {"o1", "c1", Instant.parse("2026-10-03T13:15:00Z"), "click", "sh1", "k1",
                "s1", true});
        Map<TableSchema, List<Object[]>> tables = new LinkedHashMap<>();
        tables.put(MetricTables.COMMISSION_LINES, lines);
        tables.put(MetricTables.ORDER_ATTRIBUTION, attribution);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new XlsxExport(ZoneId.of("Asia/Shanghai"), "CNY").write(tables, out);

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = book.getSheet("commission_lines");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            Row first = sheet.getRow(1);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("o1");
            assertThat(first.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(1).getNumericCellValue()).isEqualTo(2.0);
            // 3.005 CNY rounds half-up to 3.01, shown with two places
            assertThat(first.getCell(8).getNumericCellValue()).isEqualTo(3.01);
            assertThat(first.getCell(8).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(first.getCell(6).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(DateUtil.isCellDateFormatted(first.getCell(9))).isTrue();
            assertThat(first.getCell(9).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 10, 1, 0, 0));
            Row second = sheet.getRow(2);
            assertThat(second.getCell(8).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            assertThat(second.getCell(6).getNumericCellValue()).isEqualTo(0.1);

            Sheet orders = book.getSheet("order_attribution");
            assertThat(orders.getRow(0).getCell(2).getStringCellValue()).isEqualTo("order_ts (Asia/Shanghai)");
            assertThat(orders.getRow(1).getCell(2).getLocalDateTimeCellValue())
                    .isEqualTo(LocalDateTime.of(2026, 10, 3, 21, 15));
            assertThat(orders.getRow(1).getCell(7).getCellType()).isEqualTo(CellType.BOOLEAN);
        }
    }

    @Test
    void textIsAlwaysAStringCellAndARecordLongerThanACellAllowsIsCutWithAMarker() throws IOException {
        String huge = "x".repeat(40_123);
        List<Object[]> rows = new ArrayList<>();
        // reconciliation(period, sharer_id, currency, expected_payout, paid, difference, status, payout_ids)
        rows.add(new Object[] {"2026-10", "=HYPERLINK(\"http://x\",\"y\")", "CNY", BigDecimal.ONE,
                BigDecimal.ONE, BigDecimal.ZERO, "matched", huge});
        Map<TableSchema, List<Object[]>> tables = new LinkedHashMap<>();
        tables.put(MetricTables.RECONCILIATION, rows);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new XlsxExport(ZoneId.of("UTC"), "CNY").write(tables, out);

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Row row = book.getSheet("reconciliation").getRow(1);
            assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo("=HYPERLINK(\"http://x\",\"y\")");
            String cut = row.getCell(7).getStringCellValue();
            assertThat(cut).hasSize(32_767).startsWith("xxxx").endsWith(" … [cut: 40,123 characters]");
        }
    }

    @Test
    void aCutNeverSplitsACharacterOutsideTheBasicPlane() {
        String emoji = "\uD83D\uDE00";
        String text = "a".repeat(32_767 - 27) + emoji.repeat(10);
        String fitted = XlsxText.fit(text);
        assertThat(fitted.length()).isLessThanOrEqualTo(32_767);
        assertThat(fitted.codePoints().noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF)).isTrue();
        assertThat(XlsxText.fit("short")).isEqualTo("short");
    }
}
