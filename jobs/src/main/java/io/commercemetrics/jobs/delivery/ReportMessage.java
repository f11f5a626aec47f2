package io.commercemetrics.jobs.delivery;

import io.commercemetrics.jobs.config.DeliverySettings;
import io.commercemetrics.reports.ReportKind;
import io.commercemetrics.reports.period.ReportPeriod;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.core.io.FileSystemResource;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * One report as a message: its PDF (and, for finance, the workbook) attached; its web version, where
 * the renderer wrote one, as the HTML body with its charts inline; a plain-text part that says what
 * the message is and names the files, for mail programs that show no HTML.
 */
final class ReportMessage {

    static final String PDF = "application/pdf";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ReportKind kind;
    private final String period;
    private final List<Path> attachments = new ArrayList<>();
    private Path webVersion;

    /**
     * @param files the files rendered for this report and period; PDF and XLSX are attached, the HTML
     *              (not the folder's index) becomes the body, the rest (CSV: the workbook's figures again) is left out
     * @throws IllegalArgumentException when a file is missing or none is a PDF: nothing worth sending
     */
    ReportMessage(ReportKind kind, String period, List<Path> files) {
        this.kind = kind;
        this.period = period;
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no file " + file);
            }
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".pdf") || name.endsWith(".xlsx")) {
                attachments.add(file);
            } else if (name.endsWith(".html") && !name.equals("index.html")) {
                webVersion = file;
            }
        }
        if (attachments.stream().noneMatch(file -> contentType(file).equals(PDF))) {
            throw new IllegalArgumentException("no PDF among the files of the " + kind + " report " + period + ": "
                    + files);
        }
    }

    List<String> attachmentNames() {
        return attachments.stream().map(file -> file.getFileName().toString()).toList();
    }

    void writeTo(MimeMessage message, DeliverySettings.Route route) throws MessagingException, IOException {
        MimeMessageHelper mail = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                "UTF-8");
        mail.setFrom(route.from());
        mail.setTo(route.to().toArray(String[]::new));
        mail.setSubject(route.subject(kind, period));
        if (webVersion == null) {
            mail.setText(plainText());
        } else {
            WebVersion web = WebVersion.read(webVersion);
            mail.setText(plainText(), web.html());
            for (WebVersion.InlineImage image : web.images()) {
                mail.addInline(image.contentId(), new ByteArrayDataSource(image.bytes(), image.contentType()));
            }
        }
        for (Path file : attachments) {
            mail.addAttachment(file.getFileName().toString(), new FileSystemResource(file), contentType(file));
        }
    }

    /** The headline sentence and the file names. */
    String plainText() {
        StringBuilder text = new StringBuilder("The ").append(kind).append(" report of ").append(describe(period))
                .append(" from Commerce Metrics is attached.\n\n");
        text.append("Attached: ").append(String.join(", ", attachmentNames())).append('\n');
        if (webVersion != null) {
            text.append("Web version: ").append(webVersion.getFileName())
                    .append(" (this message's HTML part, shown by mail programs that display HTML)\n");
        }
        return text.toString();
    }

    private static String describe(String period) {
        try {
            return (ReportPeriod.parse(period).isMonth() ? "the month " : "the week ") + period;
        } catch (IllegalArgumentException e) {
            return period;
        }
    }

    private static String contentType(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf") ? PDF : XLSX;
    }
}
