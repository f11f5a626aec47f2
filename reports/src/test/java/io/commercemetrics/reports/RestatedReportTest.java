package io.commercemetrics.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercemetrics.reports.warehouse.WarehouseTables;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * October's reports rendered after each run of {@link RestatedWarehouse} into one out folder: run-a's,
 * then run-b's (late data restated October), then run-c's (nothing new). The reports say which run
 * restated them, and the index keeps run-a's reports reachable; run-c's re-render keeps no copy of
 * run-b's, whose figures it repeats.
 */
class RestatedReportTest {

    private static final String RESTATED = "Restated on 2026-11-05 09:30 (Asia/Shanghai) (run run-b), replacing run run-a";

    @TempDir
    static Path dir;
    static Path out;
    static Path october;
    static String afterRunA;
    static String afterRunB;
    static WarehouseTables runB;

    @BeforeAll
    static void renderOctoberAfterEachRun() throws Exception {
        RestatedWarehouse warehouse = new RestatedWarehouse(dir.resolve("warehouse"));
        out = dir.resolve("reports");
        october = out.resolve("2026-10");
        ReportRenderer renderer = new ReportRenderer();
        render(renderer, warehouse.runA());
        afterRunA = text(october.resolve("management.pdf"));
        runB = warehouse.runB();
        render(renderer, runB);
        afterRunB = text(october.resolve("management.pdf"));
        render(renderer, warehouse.runC());
    }

    private static void render(ReportRenderer renderer, WarehouseTables run) {
        renderer.render(new ReportRequest(run, out, "2026-10", ReportKind.all, line -> { }));
    }

    private static String text(Path pdf) throws Exception {
        return RenderedReports.pdfText(pdf).replaceAll("\\s+", " ");
    }

    /** {@code -Dreports.sample=DIR} keeps the provenance page of run-c's October report as a picture. */
    @org.junit.jupiter.api.AfterAll
    static void keepProvenancePageWhenAsked() throws Exception {
        String sample = System.getProperty("reports.sample");
        if (sample != null) {
            Path pdf = october.resolve("management.pdf");
            Files.createDirectories(Path.of(sample));
            javax.imageio.ImageIO.write(RenderedReports.pageImage(pdf, RenderedReports.pageWith(pdf, "Restated"), 100),
                    "png", Path.of(sample).resolve("restated-provenance.png").toFile());
        }
    }

    @Test
    void theWebPagesOfTheLatestRenderSayItToo() throws Exception {
        // run-c changed nothing: its pages still name run-b as the run that restated October
        assertThat(Files.readString(october.resolve("management.html"))).contains(RESTATED);
        assertThat(Files.readString(october.resolve("finance.html"))).contains(RESTATED);
    }

    @Test
    void theFirstRunsReportRestatesNothing() {
        assertThat(afterRunA).contains("run-a").doesNotContain("Restated");
    }

    @Test
    void theRerunsReportsSayTheyRestatedTheFirstRun() throws Exception {
        assertThat(afterRunB).contains(RESTATED);
        assertThat(text(october.resolve("finance.pdf"))).contains(RESTATED);
        try (XSSFWorkbook workbook = RenderedReports.workbook(october.resolve("finance.xlsx"))) {
            assertThat(workbook.getSheet("Provenance")).anySatisfy(row -> assertThat(cells(row))
                    .isEqualTo("Restated | " + RESTATED));
        }
    }

    @Test
    void aLaterRunThatChangesNothingStillNamesTheRestatement() throws Exception {
        String afterRunC = text(october.resolve("management.pdf"));
        assertThat(afterRunC).contains("run-c").contains(RESTATED);
    }

    @Test
    void aPeriodThatWasStillOpenInTheEarlierRunIsNotRestated() throws Exception {
        // November's marketing cost moved from run-a to run-b, but run-a's data ended on 3 November
        Path elsewhere = dir.resolve("november");
        new ReportRenderer().render(new ReportRequest(runB, elsewhere, "2026-11", ReportKind.management, line -> { }));
        assertThat(text(elsewhere.resolve("2026-11/management.pdf"))).contains("run-b").doesNotContain("Restated");
    }

    @Test
    void theEarlierVersionsAreKeptAndLinkedFromTheIndex() throws Exception {
        for (String file : new String[] {"management.pdf", "management.html", "finance.pdf", "finance.xlsx",
            "finance.csv"}) {
            String stem = file.substring(0, file.indexOf('.'));
            String extension = file.substring(file.indexOf('.'));
            assertThat(october.resolve(stem + ".run-run-a" + extension)).isRegularFile();
            // run-c repeats run-b's figures: run-b's files were replaced, not kept
            assertThat(october.resolve(stem + ".run-run-b" + extension)).doesNotExist();
        }
        assertThat(text(october.resolve("management.run-run-a.pdf"))).isEqualTo(afterRunA);
        assertThat(Files.readString(october.resolve("finance.run-run-a.csv"))).contains("s-bob,CNY,0.00,15.00,10.00,0.00,10.00");
        assertThat(Files.readString(october.resolve("finance.csv"))).contains("s-bob,CNY,0.00,15.00,10.00,4.00,6.00");
        String index = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        assertThat(index).contains("<a class=\"earlier\" href=\"2026-10/management.run-run-a.pdf\">earlier version "
                + "(run run-a)</a>").contains("href=\"2026-10/finance.run-run-a.xlsx\">earlier version (run run-a)");
    }

    private static String cells(Row row) {
        StringBuilder text = new StringBuilder();
        row.forEach(cell -> text.append(text.isEmpty() ? "" : " | ").append(cell.toString()));
        return text.toString();
    }
}
