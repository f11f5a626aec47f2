package io.commercemetrics.jobs.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commercemetrics.schemas.Sources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvExportFileTest {

    @TempDir
    Path dir;

    @Test
    void quotesOnlyWhatNeedsItAndCountsPhysicalLines() throws IOException {
        long first;
        long second;
        long third;
        try (CsvExportFile file = new CsvExportFile(dir, Sources.REFUNDS)) {
            first = file.write("R1", "O1", "2026-10-03T21:15:00+08:00", "CNY", "12.00", "line one\nline \"two\", three");
            second = file.write("R2", "O1", "2026-10-04T21:15:00+08:00", "CNY", " 12.00", null);
            third = file.write("R3", "O1", "2026-10-05T21:15:00+08:00", "CNY", "1,234.50", "");
            assertThat(file.rows()).isEqualTo(3);
        }
        assertThat(first).isEqualTo(2);
        assertThat(second).isEqualTo(4);
        assertThat(third).isEqualTo(5);
        assertThat(Files.readString(dir.resolve("refunds.csv"), StandardCharsets.UTF_8)).isEqualTo(
                "refund_id,order_id,refund_ts,currency,amount,reason\r\n"
                + "R1,O1,2026-10-03T21:15:00+08:00,CNY,12.00,\"line one\nline \"\"two\"\", three\"\r\n"
                + "R2,O1,2026-10-04T21:15:00+08:00,CNY,\" 12.00\",\r\n"
                + "R3,O1,2026-10-05T21:15:00+08:00,CNY,\"1,234.50\",\r\n");
    }

    @Test
    void refusesARowOfTheWrongWidth() {
        try (CsvExportFile file = new CsvExportFile(dir, Sources.FX_RATES)) {
            assertThatThrownBy(() -> file.write("2026-10-01", "USD"))
                    .hasMessageContaining("fx_rates.csv: expected 3 values, got 2");
        }
    }

    @Test
    void writesMoneyTimestampsAndIdsExactly() {
        assertThat(ExportText.money(123456)).isEqualTo("1234.56");
        assertThat(ExportText.money(5)).isEqualTo("0.05");
        assertThat(ExportText.money(-1500)).isEqualTo("-15.00");
        // 2026-10-03T13:15:00Z
        long instant = 1_791_033_300L;
        assertThat(ExportText.timestamp(instant, 480, false)).isEqualTo("2026-10-03T21:15:00+08:00");
        assertThat(ExportText.timestamp(instant, 0, true)).isEqualTo("2026-10-03T13:15:00Z");
        assertThat(ExportText.timestamp(instant, -300, false)).isEqualTo("2026-10-03T08:15:00-05:00");
        assertThat(ExportText.id("SO", 42, 9)).isEqualTo("SO000000042");
        assertThat(ExportText.code(1, 7)).hasSize(7).isNotEqualTo(ExportText.code(2, 7));
        assertThat(FxDesk.fourPlaces(71_805)).isEqualTo("7.1805");
        assertThat(FxDesk.fourPlaces(72_000)).isEqualTo("7.2000");
    }
}
