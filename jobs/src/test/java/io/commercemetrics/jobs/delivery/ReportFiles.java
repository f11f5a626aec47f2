package io.commercemetrics.jobs.delivery;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.imageio.ImageIO;

/** Small real report files for the delivery tests: a one-page PDF, and a page with a chart as the renderer embeds it. */
final class ReportFiles {

    private ReportFiles() {
    }

    static Path pdf(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            Document document = new Document();
            PdfWriter.getInstance(document, out);
            document.open();
            document.add(new Paragraph(text));
            document.close();
        }
        return file;
    }

    static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 40; x++) {
            for (int y = 0; y < 20; y++) {
                image.setRGB(x, y, (x < 20 ? Color.ORANGE : Color.BLUE).getRGB());
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    /** As JasperReports' HTML exporter writes it: a data: URI whose base64 lines are broken by {@code &#xA;}. */
    static Path html(Path file, String heading, byte[] png) throws IOException {
        String base64 = Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(png)
                .replace("\n", "&#xA;");
        return Files.writeString(file, "<html><body><h1>" + heading + "</h1><img src=\"data:image/png;base64,"
                + base64 + "\" style=\"height: 20px\" alt=\"\"/></body></html>");
    }
}
