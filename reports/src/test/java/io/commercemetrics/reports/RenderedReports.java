package io.commercemetrics.reports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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

    static XSSFWorkbook workbook(Path xlsx) throws IOException {
        try (InputStream in = Files.newInputStream(xlsx)) {
            return new XSSFWorkbook(in);
        }
    }
}
