package io.commercemetrics.reports.jasper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

/**
 * Fills a master template and writes it as PDF (the web version is {@code web.WebPage}'s). Files
 * appear atomically: written aside, then renamed, so a reader never sees half a report.
 */
public final class ReportFiles {

    /** Chart images at twice the screen's 96 dpi. */
    private static final SimpleJasperReportsContext CONTEXT = new SimpleJasperReportsContext();

    static {
        CONTEXT.setProperty("net.sf.jasperreports.image.dpi", "192");
        // chart labels, axes and legends as text in the PDF, not as outlines: a reader can search and
        // copy them, and a test can read where each axis label sits
        CONTEXT.setProperty("net.sf.jasperreports.export.pdf.force.svg.shapes", "false");
    }

    private ReportFiles() {
    }

    /** Masters take everything through parameters and print one record: their sections are subreports. */
    public static JasperPrint fill(JasperReport master, Map<String, Object> parameters) {
        try {
            return JasperFillManager.getInstance(CONTEXT).fill(master, new java.util.HashMap<>(parameters), new JREmptyDataSource(1));
        } catch (JRException e) {
            throw new IllegalStateException("cannot fill report " + master.getName() + ": " + e.getMessage(), e);
        }
    }

    public static void writePdf(JasperPrint print, String title, Path target) {
        writeAtomically(target, out -> {
            JRPdfExporter exporter = new JRPdfExporter(CONTEXT);
            exporter.setExporterInput(new SimpleExporterInput(print));
            exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
            SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
            configuration.setMetadataTitle(title);
            configuration.setMetadataCreator("Commerce Metrics");
            exporter.setConfiguration(configuration);
            exporter.exportReport();
        });
    }

    /** Writes through {@code body} to a temporary sibling and renames it over {@code target}. */
    public static void writeAtomically(Path target, ReportBody body) {
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            Files.createDirectories(target.getParent());
            try (OutputStream out = Files.newOutputStream(temp)) {
                body.write(out);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        } catch (JRException e) {
            throw new IllegalStateException("cannot export " + target + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    public interface ReportBody {
        void write(OutputStream out) throws IOException, JRException;
    }
}
