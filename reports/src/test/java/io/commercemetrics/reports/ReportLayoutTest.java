package io.commercemetrics.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercemetrics.reports.format.Figures;
import io.commercemetrics.reports.warehouse.WarehouseTables;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A busy year: long tables run over pages with their headers, totals last and still right. */
class ReportLayoutTest {

    @TempDir
    static Path dir;
    static Path month;

    @BeforeAll
    static void renderBusyOctober() throws Exception {
        WarehouseTables metrics = BusyWarehouse.write(dir.resolve("warehouse"));
        new ReportRenderer().render(new ReportRequest(metrics, dir.resolve("out"), "2026-10", ReportKind.all, null));
        month = dir.resolve("out/2026-10");
        String sample = System.getProperty("reports.sample");
        if (sample != null) {
            for (String file : new String[] {"management.pdf", "finance.pdf", "management.html"}) {
                Path target = Path.of(sample, "busy", file);
                java.nio.file.Files.createDirectories(target.getParent());
                java.nio.file.Files.copy(month.resolve(file), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Test
    void aStatementOverSeveralPagesRepeatsItsHeaderAndEndsWithTotalsThatAddUp() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(month.resolve("finance.pdf").toFile())) {
            assertThat(pdf.getNumberOfPages()).isGreaterThan(1);
            PDFTextStripper page = new PDFTextStripper();
            page.setStartPage(2);
            page.setEndPage(2);
            assertThat(page.getText(pdf)).contains("Opening balance").contains("sharer-0");
            String all = new PDFTextStripper().getText(pdf);
            assertThat(all).contains("Total CNY 640.00 " + Figures.money(BusyWarehouse.cnyAccruedTotal(), "CNY"))
                    .contains("sharer-009-分享达人").contains("Total USD");
        }
    }

    @Test
    void noPageIsEmpty() throws Exception {
        assertThat(RenderedReports.emptyPages(month.resolve("management.pdf"))).isEmpty();
        assertThat(RenderedReports.emptyPages(month.resolve("finance.pdf"))).isEmpty();
    }

    /**
     * Sections follow one another, so no page but the last is left half empty and no page holds only
     * the rows a table overflowed with (judged on the pages' pictures).
     */
    @Test
    void pagesAreFilled() throws Exception {
        for (String pdf : new String[] {"management.pdf", "finance.pdf"}) {
            RenderedReports.assertPagesFilled(month.resolve(pdf));
        }
    }

    /** October has 18 reviews rated 3 or below; five are listed, and the heading says the list is cut. */
    @Test
    void theLowestRatedReviewsSayHowManyOfHowManyAreShown() throws Exception {
        String text = RenderedReports.pdfText(month.resolve("management.pdf"));
        assertThat(text).contains("Lowest-rated reviews of the period (rating 3 or below, worst first): 5 of 18 shown");
        assertThat(text.split("disappointed|Review title number", -1)).hasSize(5 + 1);
    }

    @Test
    void everyCohortAndChannelOfTheYearIsShown() throws Exception {
        String text = RenderedReports.pdfText(month.resolve("management.pdf"));
        assertThat(text).contains("2025-11 all (300) 100.0%").contains("2026-10 other (300) 100.0% 25.0% *")
                .contains("affiliate other").contains("live_stream social").contains("all other");
    }
}
