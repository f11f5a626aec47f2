package io.commercemetrics.reports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reads rendered reports back: PDF text with PDFBox, workbooks with POI. */
final class RenderedReports {

    private RenderedReports() {
    }

    static String pdfText(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }

    static int pdfPages(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return document.getNumberOfPages();
        }
    }

    /** Pages with no more than the running header and footer: a layout slip, never wanted. */
    static java.util.List<Integer> emptyPages(Path pdf) throws IOException {
        java.util.List<Integer> empty = new java.util.ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                long lines = stripper.getText(document).lines().filter(line -> !line.isBlank()).count();
                if (lines <= 2) {
                    empty.add(page);
                }
            }
        }
        return empty;
    }

    /**
     * A word as printed on a page, in PDF points from the page's top left: {@code y} is its
     * baseline, {@code height} the height of its glyphs.
     */
    record Word(String text, float x, float y, float width, float height) {

        float right() {
            return x + width;
        }
    }

    /** Every word of a page (1-based), in reading order. */
    static List<Word> words(Path pdf, int page) throws IOException {
        List<Word> words = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    if (text.isBlank() || positions.isEmpty()) {
                        return;
                    }
                    TextPosition first = positions.get(0);
                    TextPosition last = positions.get(positions.size() - 1);
                    float height = 0;
                    for (TextPosition p : positions) {
                        height = Math.max(height, p.getHeightDir());
                    }
                    words.add(new Word(text.trim(), first.getXDirAdj(), first.getYDirAdj(),
                            last.getXDirAdj() + last.getWidthDirAdj() - first.getXDirAdj(), height));
                }
            };
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            stripper.getText(document);
        }
        return words;
    }

    /** The text of one page (1-based). */
    static String pageText(Path pdf, int page) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            return stripper.getText(document);
        }
    }

    /** The first page (1-based) whose text contains {@code text}, or 0. */
    static int pageWith(Path pdf, String text) throws IOException {
        for (int page = 1; page <= pdfPages(pdf); page++) {
            if (pageText(pdf, page).contains(text)) {
                return page;
            }
        }
        return 0;
    }

    /** A page (1-based) as a picture at {@code dpi}: one pixel is {@code 72 / dpi} points. */
    static BufferedImage pageImage(Path pdf, int page, float dpi) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFRenderer(document).renderImageWithDPI(page - 1, dpi);
        }
    }

    /** The body of a landscape page: from the top margin down to the running footer, in points. */
    private static final float BODY_TOP = 25;
    private static final float BODY_BOTTOM = 559;

    /**
     * How far down each page its content reaches, judged on the page's picture: the lowest row with
     * anything printed above the running footer, as a share of the page's body (1.0: a full page).
     */
    static List<Double> pageFills(Path pdf) throws IOException {
        List<Double> fills = new ArrayList<>();
        float dpi = 36;
        double scale = dpi / 72.0;
        for (int page = 1; page <= pdfPages(pdf); page++) {
            BufferedImage image = pageImage(pdf, page, dpi);
            int lowest = (int) (BODY_TOP * scale);
            for (int y = (int) (BODY_BOTTOM * scale) - 1; y > lowest; y--) {
                if (printedOn(image, y)) {
                    lowest = y;
                    break;
                }
            }
            fills.add((lowest / scale - BODY_TOP) / (BODY_BOTTOM - BODY_TOP));
        }
        return fills;
    }

    /**
     * Pages whose last text above the running footer is a section heading (12 points, taller than any
     * other text but the title): a heading left at the foot of a page with its section on the next.
     */
    static List<Integer> headingsLeftAtThePageFoot(Path pdf) throws IOException {
        List<Integer> pages = new ArrayList<>();
        for (int page = 1; page <= pdfPages(pdf); page++) {
            boolean heading = words(pdf, page).stream().filter(w -> w.y() < BODY_BOTTOM)
                    .max(java.util.Comparator.comparingDouble(Word::y)).map(last -> last.height() >= 7.5).orElse(false);
            if (heading) {
                pages.add(page);
            }
        }
        return pages;
    }

    private static boolean printedOn(BufferedImage image, int y) {
        for (int x = 0; x < image.getWidth(); x++) {
            int rgb = image.getRGB(x, y);
            if ((rgb >> 16 & 0xFF) < 245 || (rgb >> 8 & 0xFF) < 245 || (rgb & 0xFF) < 245) {
                return true;
            }
        }
        return false;
    }

    static XSSFWorkbook workbook(Path xlsx) throws IOException {
        try (InputStream in = Files.newInputStream(xlsx)) {
            return new XSSFWorkbook(in);
        }
    }

    /**
     * Sections follow one another: no page but the last is left less than {@link PageLayout#FULL_ENOUGH}
     * full, the last is more than a few overflowing rows, and no heading is left at a page foot
     * without its section (judged on the pages' pictures).
     */
    static void assertPagesFilled(Path pdf) throws Exception {
        List<Double> fills = pageFills(pdf);
        org.assertj.core.api.Assertions.assertThat(fills.subList(0, fills.size() - 1))
                .as(pdf.getFileName() + ": how full each page is, " + fills)
                .allMatch(fill -> fill >= PageLayout.FULL_ENOUGH);
        org.assertj.core.api.Assertions.assertThat(fills.get(fills.size() - 1))
                .as(pdf.getFileName() + ": the last page, " + fills).isGreaterThanOrEqualTo(PageLayout.LAST_PAGE);
        org.assertj.core.api.Assertions.assertThat(headingsLeftAtThePageFoot(pdf))
                .as(pdf.getFileName() + ": a heading without its section").isEmpty();
    }
}
