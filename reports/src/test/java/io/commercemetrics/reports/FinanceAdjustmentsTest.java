package io.commercemetrics.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercemetrics.reports.warehouse.WarehouseTables;
import io.commercemetrics.schemas.MetricTables;
import io.commercemetrics.warehouse.MetricsRunRecord;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The finance report after September 2026 was closed and late data arrived (the tables of the
 * golden case period-close/late-order-and-refund): October lists the adjustments posted to it with
 * their causes; September, closed, has none.
 */
class FinanceAdjustmentsTest {

    @TempDir
    static Path dir;
    static WarehouseTables tables;

    @BeforeAll
    static void aWarehouseWithAdjustments() {
        TableFixtures metrics = new TableFixtures(dir.resolve("warehouse"));
        metrics.metric(MetricTables.COMMISSION_STATEMENT, List.of(
                row("2026-09", "A", "CNY", "0.00", "20.00", "20.00", "0.00", "20.00", "20.00", "20.00", "0.00"),
                row("2026-09", "B", "CNY", "0.00", "30.00", "30.00", "0.00", "30.00", "30.00", "30.00", "0.00"),
                row("2026-10", "A", "CNY", "0.00", "18.00", "10.00", "0.00", "5.00", "5.00", "0.00", "5.00"),
                row("2026-10", "B", "CNY", "0.00", "0.00", "0.00", "3.00", "6.00", "6.00", "9.00", "-3.00")));
        metrics.metric(MetricTables.RECONCILIATION, List.of(
                row("2026-09", "A", "CNY", "20.00", "20.00", "0.00", "matched", "PA1"),
                row("2026-09", "B", "CNY", "30.00", "30.00", "0.00", "matched", "PB1"),
                row("2026-10", "A", "CNY", "5.00", "0.00", "-5.00", "unpaid", null),
                row("2026-10", "B", "CNY", "6.00", "9.00", "3.00", "overpaid", "PB2")));
        metrics.metric(MetricTables.COMMISSION_ADJUSTMENTS, List.of(
                row("2026-10", "A", "CNY", "2026-09", "o1", "r1", "late_refund", "-5.00"),
                row("2026-10", "B", "CNY", "2026-09", "o2", "r2", "late_refund", "-6.00"),
                row("2026-10", "B", "CNY", "2026-09", "o4", null, "late_order", "15.00")));
        tables = metrics.publish(new MetricsRunRecord("run-after-close", "2026-11-20T01:00:00Z", "2026-11-20", "UTC",
                "CNY", List.of("default"), List.of(), null, null));
    }

    @Test
    void theFirstOpenMonthListsTheAdjustmentsWithTheirCauses() throws Exception {
        String text = render("2026-10");

        String adjustments = text.substring(text.indexOf("Adjustments to closed months"),
                text.indexOf("Reconciliation"));
        assertThat(adjustments.replaceAll("\\s+", " "))
                .contains("posted to 2026-10 and included in its payable above")
                .contains("A CNY 2026-09 o1 r1 late refund -5.00")
                .contains("B CNY 2026-09 o2 r2 late refund -6.00")
                .contains("B CNY 2026-09 o4 late order 15.00");
        assertThat(text).contains("B CNY 0.00 0.00 0.00 3.00 6.00 6.00 9.00 -3.00");
    }

    @Test
    void theWebPageListsThemToo() throws Exception {
        render("2026-10");
        String html = java.nio.file.Files.readString(dir.resolve("out-2026-10").resolve("2026-10")
                .resolve("finance.html"));
        assertThat(html).contains("Adjustments to closed months", "posted to 2026-10 and included in its payable above",
                "late refund", "late order", "-5.00", "-6.00", "15.00");
        render("2026-09");
        assertThat(java.nio.file.Files.readString(dir.resolve("out-2026-09").resolve("2026-09").resolve("finance.html")))
                .doesNotContain("Adjustments to closed months");
    }

    @Test
    void aClosedMonthWithoutAdjustmentsPostedToItHasNoSuchSection() throws Exception {
        assertThat(render("2026-09")).doesNotContain("Adjustments to closed months").contains("A CNY 0.00 20.00");
    }

    private static String render(String month) throws Exception {
        Path out = dir.resolve("out-" + month);
        new ReportRenderer().render(new ReportRequest(tables, out, month, ReportKind.finance, null));
        return RenderedReports.pdfText(out.resolve(month).resolve("finance.pdf"));
    }

    private static Object[] row(Object... values) {
        return values;
    }
}
