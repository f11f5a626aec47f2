package io.commercemetrics.schemas.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercemetrics.schemas.FieldType;
import io.commercemetrics.schemas.MetricTables;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvExportTest {

    private final ExportFormat shanghaiCny = new ExportFormat(ZoneId.of("Asia/Shanghai"), "CNY");

    @Test
    void ratiosHaveExactlySixPlacesRoundedHalfUp() {
        // 1/16 = 0.0625 -> 0.062500; 2/3 held as 0.6666665 -> half-up at the 7th place -> 0.666667
        assertThat(shanghaiCny.format(FieldType.RATIO, new BigDecimal("0.0625"), null)).isEqualTo("0.062500");
        assertThat(shanghaiCny.format(FieldType.RATIO, new BigDecimal("0.6666665"), null)).isEqualTo("0.666667");
        assertThat(shanghaiCny.format(FieldType.RATIO, new BigDecimal("0.0000005"), null)).isEqualTo("0.000001");
    }

    @Test
    void moneyGoesToTheMinorUnitAndNeverShowsNegativeZero() {
        assertThat(shanghaiCny.format(FieldType.DECIMAL, new BigDecimal("1234.5"), "CNY")).isEqualTo("1234.50");
        assertThat(shanghaiCny.format(FieldType.DECIMAL, new BigDecimal("-0.004"), "CNY")).isEqualTo("0.00");
        assertThat(shanghaiCny.format(FieldType.DECIMAL, new BigDecimal("-0.005"), "CNY")).isEqualTo("-0.01");
        assertThat(shanghaiCny.format(FieldType.DECIMAL, new BigDecimal("150.5"), "JPY")).isEqualTo("151");
        assertThat(shanghaiCny.format(FieldType.DECIMAL, new BigDecimal("1.0005"), "KWD")).isEqualTo("1.001");
    }

    @Test
    void timestampsShowTheReportingOffsetWithSecondsAndOnlyANonZeroFraction() {
        ExportFormat utc = new ExportFormat(ZoneId.of("UTC"), "CNY");
        Instant instant = Instant.parse("2026-10-03T13:15:00Z");
        assertThat(shanghaiCny.format(FieldType.TIMESTAMP, instant, null)).isEqualTo("2026-10-03T21:15:00+08:00");
        assertThat(utc.format(FieldType.TIMESTAMP, instant, null)).isEqualTo("2026-10-03T13:15:00+00:00");
        assertThat(utc.format(FieldType.TIMESTAMP, Instant.parse("2026-10-03T13:15:00.250Z"), null))
                .isEqualTo("2026-10-03T13:15:00.25+00:00");
    }

    @Test
    void ledgerMoneyUsesTheRowCurrencyAndRowsSortByTypedValueNullsFirst() {
        List<Object[]> rows = new ArrayList<>();
        // reconciliation(period, sharer_id, currency, expected_payout, paid, difference, status, payout_ids)
        rows.add(new Object[] {"2026-10", "s10", "JPY", new BigDecimal("1000"), new BigDecimal("990"),
                new BigDecimal("-10"), "underpaid", "p2"});
        rows.add(new Object[] {"2026-10", "s9", "CNY", new BigDecimal("12.5"), new BigDecimal("12.5"),
                BigDecimal.ZERO, "matched", "p1"});
        rows.add(new Object[] {"2026-09", null, "CNY", BigDecimal.ZERO, new BigDecimal("3"),
                new BigDecimal("3"), "unexpected", "p0,\"x\""});

        String csv = new CsvExport(shanghaiCny).toCsv(MetricTables.RECONCILIATION, rows);

        assertThat(csv).isEqualTo("""
                period,sharer_id,currency,expected_payout,paid,difference,status,payout_ids
                2026-09,,CNY,0.00,3.00,3.00,unexpected,"p0,""x\"""
                2026-10,s10,JPY,1000,990,-10,underpaid,p2
                2026-10,s9,CNY,12.50,12.50,0.00,matched,p1
                """);
    }

    @Test
    void numbersSortNumericallyAndTextByCodePoint() {
        assertThat(ExportOrder.compare(FieldType.INT, 9, 10)).isNegative();
        assertThat(ExportOrder.compare(FieldType.DECIMAL, new BigDecimal("2.50"), new BigDecimal("2.5"))).isZero();
        assertThat(ExportOrder.compare(FieldType.STRING, "*", "(none)")).isGreaterThan(0); // '*' 0x2A > '(' 0x28
        // U+FF5E (BMP) sorts before U+1F600 by code point, though its UTF-16 unit is larger
        assertThat(ExportOrder.byCodePoint("\uFF5E", "\uD83D\uDE00")).isNegative();
        assertThat(ExportOrder.compare(FieldType.DATE, LocalDate.of(2026, 1, 2), null)).isPositive();
    }

    @Test
    void inputTextThatASpreadsheetWouldRunGetsALeadingQuoteButNumbersKeepTheirSign() {
        List<Object[]> rows = new ArrayList<>();
        // reconciliation(period, sharer_id, currency, expected_payout, paid, difference, status, payout_ids)
        rows.add(new Object[] {"2026-10", "=HYPERLINK(\"http://x\",\"y\")", "CNY", new BigDecimal("12.5"),
                BigDecimal.ZERO, new BigDecimal("-12.5"), "underpaid", "+cmd|' /C calc'!A0"});
        rows.add(new Object[] {"2026-10", "@SUM(1)", "CNY", BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                "matched", "-1+2"});
        rows.add(new Object[] {"2026-10", "\tx", "CNY", BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                "matched", "\rp"});
        rows.add(new Object[] {"2026-10", "s=1", "CNY", BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                "matched", ""});

        String csv = new CsvExport(shanghaiCny).toCsv(MetricTables.RECONCILIATION, rows);

        assertThat(csv).isEqualTo("""
                period,sharer_id,currency,expected_payout,paid,difference,status,payout_ids
                2026-10,'\tx,CNY,0.00,0.00,0.00,matched,"'\rp"
                2026-10,"'=HYPERLINK(""http://x"",""y"")",CNY,12.50,0.00,-12.50,underpaid,'+cmd|' /C calc'!A0
                2026-10,'@SUM(1),CNY,0.00,0.00,0.00,matched,'-1+2
                2026-10,s=1,CNY,0.00,0.00,0.00,matched,
                """);
        assertThat(shanghaiCny.format(FieldType.DECIMAL, new BigDecimal("-12.5"), "CNY")).isEqualTo("-12.50");
        assertThat(shanghaiCny.format(FieldType.INT, -3, null)).isEqualTo("-3");
        assertThat(shanghaiCny.format(FieldType.RATIO, new BigDecimal("-0.5"), null)).isEqualTo("-0.500000");
    }
}
