package io.commercemetrics.jobs.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.commercemetrics.jobs.config.DeliverySettings;
import io.commercemetrics.reports.ReportKind;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Delivery against a real SMTP server (GreenMail) on 127.0.0.1, and against one that is down or refuses. */
class ReportDeliveryTest {

    private static final String PASSWORD = "Smtp-" + UUID.randomUUID();

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(0, "127.0.0.1",
            ServerSetup.PROTOCOL_SMTP)).withConfiguration(GreenMailConfiguration.aConfig()
            .withUser("reports@shop.example", "reports", PASSWORD));

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        log.start();
        ((Logger) LoggerFactory.getLogger(ReportDelivery.class)).addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        ((Logger) LoggerFactory.getLogger(ReportDelivery.class)).detachAppender(log);
    }

    @Test
    void mailsThePdfAttachedAndTheWebVersionAsTheBody() throws Exception {
        Path pdf = ReportFiles.pdf(dir.resolve("2026-10/management.pdf"), "Management report 2026-10");
        byte[] chart = ReportFiles.png();
        Path html = ReportFiles.html(dir.resolve("2026-10/management.html"), "Revenue by channel", chart);
        ReportDelivery delivery = new ReportDelivery(settings(SMTP.getSmtp().getPort(), null,
                List.of("ceo@shop.example", "Growth Team <growth@shop.example>")), () -> null);

        DeliveryOutcome outcome = delivery.deliver(ReportKind.management, "2026-10", List.of(pdf, html));

        assertThat(outcome.status()).as(outcome.summary()).isEqualTo(DeliveryOutcome.Status.SENT);
        assertThat(outcome.attempts()).isEqualTo(1);
        assertThat(outcome.summary()).isEqualTo("mailed the management report 2026-10 to ceo@shop.example, "
                + "Growth Team <growth@shop.example> (management.pdf; 1 attempt)");
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(2); // one copy per recipient's mailbox
        MimeMessage message = received[0];
        assertThat(message.getSubject()).isEqualTo("Commerce Metrics management report 2026-10");
        assertThat(message.getFrom()).containsExactly(new InternetAddress("Commerce Metrics <reports@shop.example>"));
        assertThat(Arrays.stream(message.getRecipients(MimeMessage.RecipientType.TO)).map(a -> (InternetAddress) a)
                .map(InternetAddress::getAddress)).containsExactly("ceo@shop.example", "growth@shop.example");

        List<Part> parts = ReceivedMail.leaves(message);
        Part attachment = ReceivedMail.only(parts, "application/pdf");
        assertThat(attachment.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(attachment.getFileName()).isEqualTo("management.pdf");
        byte[] attached = attachment.getInputStream().readAllBytes();
        assertThat(attached).isEqualTo(Files.readAllBytes(pdf));
        try (PDDocument document = Loader.loadPDF(attached)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Management report 2026-10");
        }

        String body = (String) ReceivedMail.only(parts, "text/html").getContent();
        assertThat(body).contains("<h1>Revenue by channel</h1>").contains("src=\"cid:image-1@commerce-metrics\"")
                .doesNotContain("data:image");
        MimePart image = (MimePart) ReceivedMail.only(parts, "image/png");
        assertThat(image.getContentID()).isEqualTo("<image-1@commerce-metrics>");
        assertThat(image.getInputStream().readAllBytes()).isEqualTo(chart);

        assertThat((String) ReceivedMail.only(parts, "text/plain").getContent())
                .contains("The management report of the month 2026-10 from Commerce Metrics is attached.")
                .contains("Attached: management.pdf").contains("Web version: management.html");
    }

    @Test
    void aFinanceReportCarriesItsWorkbookAndNoHtmlPart() throws Exception {
        Path pdf = ReportFiles.pdf(dir.resolve("finance.pdf"), "Finance report 2026-10");
        Path xlsx = Files.write(dir.resolve("finance.xlsx"), new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        Path csv = Files.writeString(dir.resolve("finance.csv"), "sharer,payable\n");
        DeliverySettings settings = settings(SMTP.getSmtp().getPort(), null, List.of("cfo@shop.example"));

        DeliveryOutcome outcome = new ReportDelivery(settings, () -> null)
                .deliver(ReportKind.finance, "2026-10", List.of(pdf, xlsx, csv));

        assertThat(outcome.attachments()).containsExactly("finance.pdf", "finance.xlsx");
        List<Part> parts = ReceivedMail.leaves(SMTP.getReceivedMessages()[0]);
        assertThat(SMTP.getReceivedMessages()[0].getSubject()).isEqualTo("Commerce Metrics finance report 2026-10");
        assertThat(ReceivedMail.only(parts, ReportMessage.XLSX).getInputStream().readAllBytes())
                .isEqualTo(Files.readAllBytes(xlsx));
        assertThat(parts).noneMatch(part -> isMimeType(part, "text/html"));
        assertThat(parts).hasSize(3); // text, PDF, workbook: the CSV repeats the workbook's figures
    }

    @Test
    void authenticatesWithThePasswordFromItsSourceAndNeverShowsIt() throws Exception {
        Path pdf = ReportFiles.pdf(dir.resolve("management.pdf"), "Management report 2026-W43");
        DeliverySettings settings = settings(SMTP.getSmtp().getPort(), "reports", List.of("ceo@shop.example"));

        DeliveryOutcome right = new ReportDelivery(settings, () -> PASSWORD)
                .deliver(ReportKind.management, "2026-W43", List.of(pdf));
        DeliveryOutcome wrong = new ReportDelivery(settings, () -> PASSWORD + "-wrong")
                .deliver(ReportKind.management, "2026-W43", List.of(pdf));
        DeliveryOutcome none = new ReportDelivery(settings, () -> null)
                .deliver(ReportKind.management, "2026-W43", List.of(pdf));

        assertThat(right.status()).as(right.summary()).isEqualTo(DeliveryOutcome.Status.SENT);
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        // a rejected login is not retried: trying again can lock the account
        assertThat(wrong.status()).isEqualTo(DeliveryOutcome.Status.FAILED);
        assertThat(wrong.attempts()).isEqualTo(1);
        assertThat(wrong.reason()).containsIgnoringCase("authentication");
        assertThat(none.status()).isEqualTo(DeliveryOutcome.Status.FAILED);
        assertThat(none.attempts()).isZero();
        assertThat(none.reason()).isEqualTo("delivery.smtp.user is reports but $COMMERCE_METRICS_SMTP_PASSWORD "
                + "is not set");
        for (DeliveryOutcome outcome : List.of(right, wrong, none)) {
            assertThat(outcome.summary()).doesNotContain(PASSWORD);
        }
        assertThat(log.list).isNotEmpty().allSatisfy(event -> assertThat(event.getFormattedMessage())
                .doesNotContain(PASSWORD));
    }

    /** The default, STARTTLS required: a server that cannot upgrade the connection never gets the password in clear. */
    @Test
    void aServerWithoutStartTlsGetsNeitherPasswordNorMessage() throws Exception {
        Path pdf = ReportFiles.pdf(dir.resolve("management.pdf"), "Management report 2026-10");
        DeliverySettings plain = settings(SMTP.getSmtp().getPort(), "reports", List.of("ceo@shop.example"));
        DeliverySettings starttls = new DeliverySettings(new DeliverySettings.Smtp("127.0.0.1",
                SMTP.getSmtp().getPort(), "reports", DeliverySettings.Tls.starttls, Duration.ofSeconds(5)),
                plain.retry(), plain.management(), plain.finance());

        DeliveryOutcome outcome = new ReportDelivery(starttls, () -> PASSWORD)
                .deliver(ReportKind.management, "2026-10", List.of(pdf));

        assertThat(outcome.status()).isEqualTo(DeliveryOutcome.Status.FAILED);
        assertThat(outcome.reason()).contains("STARTTLS is required but host does not support STARTTLS");
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    /** A server that accepts the connection and hangs up at once: every attempt reaches it, none gets through. */
    @Test
    void aRefusingServerIsRetriedWithBackoffThenReportedWithoutThrowing() throws Exception {
        Path pdf = ReportFiles.pdf(dir.resolve("management.pdf"), "Management report 2026-10");
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, 10, java.net.InetAddress.getByName("127.0.0.1"))) {
            Thread refuser = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket socket = server.accept()) {
                        connections.incrementAndGet();
                        socket.getOutputStream().write("554 5.3.2 no service, try later\r\n".getBytes());
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            refuser.start();
            ReportDelivery delivery = new ReportDelivery(settings(server.getLocalPort(), null,
                    List.of("ceo@shop.example")), () -> null);

            long started = System.nanoTime();
            DeliveryOutcome outcome = delivery.deliver(ReportKind.management, "2026-10", List.of(pdf));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(outcome.status()).isEqualTo(DeliveryOutcome.Status.FAILED);
            assertThat(outcome.attempts()).isEqualTo(3);
            assertThat(connections.get()).isEqualTo(3);
            // waits of 0.2 s, then 0.4 s
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(600));
            String reason = "Got bad greeting from SMTP host: 127.0.0.1, port: " + server.getLocalPort()
                    + ", response: 554 5.3.2 no service, try later";
            assertThat(outcome.reason()).isEqualTo(reason);
            assertThat(outcome.summary()).isEqualTo("could not mail the management report 2026-10 to "
                    + "ceo@shop.example after 3 attempts: " + reason);
            assertThat(log.list.stream().map(ILoggingEvent::getFormattedMessage)).containsExactly(
                    "mailing the management report 2026-10: attempt 1 of 3 failed: " + reason,
                    "mailing the management report 2026-10: attempt 2 of 3 failed: " + reason,
                    "mailing the management report 2026-10: attempt 3 of 3 failed: " + reason,
                    outcome.summary());
        }
    }

    @Test
    void aServerThatRefusesOnceGetsTheReportOnTheSecondAttempt() throws Exception {
        Path pdf = ReportFiles.pdf(dir.resolve("management.pdf"), "Management report 2026-10");
        try (FlakySmtpRelay relay = new FlakySmtpRelay(SMTP.getSmtp().getPort(), 1)) {
            ReportDelivery delivery = new ReportDelivery(settings(relay.port(), null, List.of("ceo@shop.example")),
                    () -> null);

            DeliveryOutcome outcome = delivery.deliver(ReportKind.management, "2026-10", List.of(pdf));

            assertThat(outcome.status()).as(outcome.summary()).isEqualTo(DeliveryOutcome.Status.SENT);
            assertThat(outcome.attempts()).isEqualTo(2);
            assertThat(relay.connections()).isEqualTo(2);
        }
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        assertThat(SMTP.getReceivedMessages()[0].getSubject()).isEqualTo("Commerce Metrics management report 2026-10");
        assertThat(log.list).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                .startsWith("mailing the management report 2026-10: attempt 1 of 3 failed: ")
                .contains("421 4.3.2 down for maintenance");
    }

    @Test
    void aServerThatIsDownFailsWithTheConnectionErrorAndNothingThrown() throws Exception {
        Path pdf = ReportFiles.pdf(dir.resolve("management.pdf"), "Management report 2026-10");
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closedPort = probe.getLocalPort();
        }
        ReportDelivery delivery = new ReportDelivery(settings(closedPort, null, List.of("ceo@shop.example")),
                () -> null);

        DeliveryOutcome outcome = delivery.deliver(ReportKind.management, "2026-10", List.of(pdf));

        assertThat(outcome.status()).isEqualTo(DeliveryOutcome.Status.FAILED);
        assertThat(outcome.attempts()).isEqualTo(3);
        assertThat(outcome.reason()).contains("127.0.0.1").contains("Connection refused");
        assertThat(log.list).anyMatch(event -> event.getLevel() == ch.qos.logback.classic.Level.ERROR
                && event.getFormattedMessage().equals(outcome.summary()));
    }

    @Test
    void aKindWithoutRecipientsIsNotMailedAndTheLogSaysSoOnce() throws Exception {
        Path pdf = ReportFiles.pdf(dir.resolve("management.pdf"), "Management report 2026-10");
        ReportDelivery delivery = new ReportDelivery(settings(SMTP.getSmtp().getPort(), null, List.of()),
                () -> null);

        DeliveryOutcome week = delivery.deliver(ReportKind.management, "2026-W43", List.of(pdf));
        DeliveryOutcome month = delivery.deliver(ReportKind.management, "2026-10", List.of(pdf));

        assertThat(List.of(week.status(), month.status())).containsOnly(DeliveryOutcome.Status.NOT_CONFIGURED);
        assertThat(SMTP.getReceivedMessages()).isEmpty();
        assertThat(log.list).singleElement().extracting(ILoggingEvent::getFormattedMessage)
                .isEqualTo("not mailing the management report 2026-W43: no recipients (delivery.management.to); "
                        + "no management report is mailed until delivery.management.to lists recipients");
    }

    @Test
    void nothingFitToSendFailsWithoutTryingTheServer() throws Exception {
        ReportDelivery delivery = new ReportDelivery(settings(SMTP.getSmtp().getPort(), null,
                List.of("ceo@shop.example")), () -> null);

        DeliveryOutcome missing = delivery.deliver(ReportKind.management, "2026-10",
                List.of(dir.resolve("management.pdf")));

        assertThat(missing.status()).isEqualTo(DeliveryOutcome.Status.FAILED);
        assertThat(missing.attempts()).isZero();
        assertThat(missing.reason()).isEqualTo("no file " + dir.resolve("management.pdf"));
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    private static boolean isMimeType(Part part, String type) {
        try {
            return part.isMimeType(type);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DeliverySettings settings(int port, String user, List<String> to) {
        DeliverySettings.Route route = new DeliverySettings.Route(to, "Commerce Metrics <reports@shop.example>",
                DeliverySettings.Route.DEFAULT_SUBJECT);
        return new DeliverySettings(new DeliverySettings.Smtp("127.0.0.1", port, user, DeliverySettings.Tls.none,
                Duration.ofSeconds(5)), new DeliverySettings.Retry(3, Duration.ofMillis(200)), route, route);
    }
}
