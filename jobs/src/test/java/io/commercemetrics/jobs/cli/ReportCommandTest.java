package io.commercemetrics.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.commercemetrics.jobs.warehouse.WarehouseContents;
import io.commercemetrics.schemas.MetricTables;
import io.commercemetrics.warehouse.MetricsRunRecord;
import io.commercemetrics.warehouse.RunRecords;
import io.commercemetrics.warehouse.TableIds;
import io.commercemetrics.warehouse.TableWriter;
import io.commercemetrics.warehouse.WarehouseCatalog;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code report} refuses what it cannot report as a usage error (exit 2) before its job starts, and
 * writes nothing: a period written in the other option's form, a finance report of a week, a period
 * the data does not cover.
 */
class ReportCommandTest {

    @TempDir
    Path dir;

    /** The issue's {@code --week 2026-40}: a job failing after 16 s with a month error, exit 1; now at once. */
    @Test
    void aMalformedPeriodIsAUsageErrorBeforeAnyWork() {
        Path out = dir.resolve("reports");
        for (String[] args : new String[][] {{"--week", "2026-40"}, {"--month", "2026-W40"}, {"--month", "10/2026"},
                {"--week", "2026-W40", "--kind", "finance"}}) {
            Result result = report(dir.resolve("no-warehouse"), out, args);

            assertThat(result.exit).as(String.join(" ", args)).isEqualTo(2);
            // refused before the warehouse is even looked at, and before the runtime starts
            assertThat(result.err).as(String.join(" ", args)).doesNotContain("no warehouse at");
            assertThat(result.out).as(String.join(" ", args)).doesNotContain("on warehouse");
        }
        assertThat(report(dir.resolve("no-warehouse"), out, "--week", "2026-40").err)
                .contains("error: --week 2026-40 is not an ISO week: write a week like 2026-W40");
        assertThat(report(dir.resolve("no-warehouse"), out, "--month", "2026-W40").err)
                .contains("error: --month 2026-W40 is not a month: write a month like 2026-10");
        assertThat(report(dir.resolve("no-warehouse"), out, "--week", "2026-W40", "--kind", "finance").err)
                .contains("the finance report is monthly");
        assertThat(out).doesNotExist();
    }

    /**
     * The issue's {@code --month 2031-01}: five pages of dashes, a finance page saying every payout
     * matches and a first line in the index; now refused, nothing written. The data's own months render.
     */
    @Test
    void aPeriodOutsideTheDataIsRefusedAndNothingIsWritten() throws Exception {
        Path warehouse = octoberWarehouse(dir.resolve("warehouse"));
        Path out = dir.resolve("reports");

        Result after = report(warehouse, out, "--month", "2031-01");
        Result before = report(warehouse, out, "--week", "2026-W30");

        assertThat(after.exit).isEqualTo(2);
        assertThat(after.err).contains("error: no data for month 2031-01 (2031-01-01 to 2031-01-31): the data of "
                + "metrics run run-october runs from 2026-10-01 to 2026-10-31");
        assertThat(before.exit).isEqualTo(2);
        assertThat(before.err).contains("error: no data for week 2026-W30");
        assertThat(out).doesNotExist();

        Result october = report(warehouse, out, "--month", "2026-10", "--kind", "finance");
        assertThat(october.exit).as(october.err).isZero();
        assertThat(out.resolve("2026-10/finance.pdf")).exists();
        assertThat(Files.readString(out.resolve("index.html"))).doesNotContain("2031");
    }

    /**
     * {@code --mail}: each report rendered goes to its kind's recipients through a real SMTP server on
     * 127.0.0.1, the very files the render wrote attached, the web version as the body with its charts inline.
     */
    @Test
    void mailSendsEachRenderedReportToItsKindsRecipients() throws Exception {
        Path warehouse = octoberWarehouse(dir.resolve("warehouse"));
        Path out = dir.resolve("reports");
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            Result result = report(warehouse, out, "--month", "2026-10", "--mail", "--set",
                    "delivery.smtp.host=127.0.0.1", "--set", "delivery.smtp.port=" + smtp.getSmtp().getPort(),
                    "--set", "delivery.smtp.tls=none", "--set", "delivery.management.to=[ceo@shop.example]",
                    "--set", "delivery.management.from=reports@shop.example", "--set",
                    "delivery.finance.to=[cfo@shop.example]", "--set", "delivery.finance.from=reports@shop.example");

            assertThat(result.exit).as(result.err).isZero();
            assertThat(result.out).contains("mailed the management report 2026-10 to ceo@shop.example "
                    + "(management.pdf; 1 attempt)", "mailed the finance report 2026-10 to cfo@shop.example "
                    + "(finance.pdf, finance.xlsx; 1 attempt)");
            Map<String, MimeMessage> bySubject = new HashMap<>();
            for (MimeMessage message : smtp.getReceivedMessages()) {
                bySubject.put(message.getSubject(), message);
            }
            MimeMessage management = bySubject.get("Commerce Metrics management report 2026-10");
            assertThat(management.getAllRecipients()).extracting(Object::toString).containsExactly("ceo@shop.example");
            List<Part> parts = leaves(management);
            Part pdf = parts.stream().filter(p -> "management.pdf".equals(fileName(p))).findFirst().orElseThrow();
            assertThat(pdf.getContentType()).startsWith("application/pdf");
            assertThat(pdf.getInputStream().readAllBytes()).isEqualTo(Files.readAllBytes(out.resolve("2026-10/management.pdf")));
            String html = (String) parts.stream().filter(p -> isType(p, "text/html")).findFirst().orElseThrow()
                    .getContent();
            // the web version is the body, its charts inline SVG as the page has them
            assertThat(html).contains("<title>Management report", "<svg").doesNotContain("data:image");
            MimeMessage finance = bySubject.get("Commerce Metrics finance report 2026-10");
            assertThat(finance.getAllRecipients()).extracting(Object::toString).containsExactly("cfo@shop.example");
            assertThat(leaves(finance).stream().map(ReportCommandTest::fileName))
                    .contains("finance.pdf", "finance.xlsx");
            assertThat(smtp.getReceivedMessages()).hasSize(2);
        } finally {
            smtp.stop();
        }
    }

    /** Nobody to mail is a usage error before anything is rendered; a server that is down leaves the reports written. */
    @Test
    void mailWithoutRecipientsIsRefusedAndAFailedDeliveryExitsOneWithTheReportsWritten() throws Exception {
        Path warehouse = octoberWarehouse(dir.resolve("warehouse"));
        Path out = dir.resolve("reports");

        Result nobody = report(warehouse, out, "--month", "2026-10", "--kind", "finance", "--mail");
        assertThat(nobody.exit).isEqualTo(2);
        assertThat(nobody.err).contains("error: --mail: no recipients for the finance report; give them in the "
                + "configuration (delivery.finance.to, with its .from), e.g. --set delivery.finance.to=[ceo@shop.example]");
        assertThat(out).doesNotExist();

        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = probe.getLocalPort();
        }
        Result down = report(warehouse, out, "--month", "2026-10", "--kind", "finance", "--mail", "--set",
                "delivery.smtp.host=127.0.0.1", "--set", "delivery.smtp.port=" + closedPort, "--set",
                "delivery.smtp.tls=none", "--set", "delivery.retry.attempts=2", "--set",
                "delivery.retry.backoff-seconds=0", "--set", "delivery.finance.to=cfo@shop.example", "--set",
                "delivery.finance.from=reports@shop.example");
        assertThat(down.exit).isEqualTo(1);
        assertThat(down.err).contains("error: the reports are written, but could not mail the finance report 2026-10 "
                + "to cfo@shop.example after 2 attempts: Couldn't connect to host, port: 127.0.0.1, " + closedPort);
        assertThat(out.resolve("2026-10/finance.pdf")).exists();
    }

    private static List<Part> leaves(Part part) throws Exception {
        List<Part> leaves = new ArrayList<>();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                leaves.addAll(leaves(multipart.getBodyPart(i)));
            }
        } else {
            leaves.add(part);
        }
        return leaves;
    }

    private static String fileName(Part part) {
        try {
            return part.getFileName();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isType(Part part, String type) {
        try {
            return part.isMimeType(type);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A warehouse with one metrics run over October 2026: traffic on every day, nothing else. */
    static Path octoberWarehouse(Path warehouse) {
        try (WarehouseCatalog catalog = WarehouseContents.open(warehouse)) {
            List<Object[]> traffic = new ArrayList<>();
            for (LocalDate day = LocalDate.of(2026, 10, 1); !day.isAfter(LocalDate.of(2026, 10, 31));
                 day = day.plusDays(1)) {
                // period_type, period, channel, channel_group, visits, share_clicks, spend, commissions, cost,
                // orders, revenue, new_customers, conversion_rate, cac, cost_per_order, roas
                traffic.add(new Object[] {"day", day.toString(), "*", "*", 100L, 0L, new BigDecimal("10.00"),
                        new BigDecimal("0.00"), new BigDecimal("10.00"), 2L, new BigDecimal("200.00"), 1L,
                        new BigDecimal("0.020000"), new BigDecimal("10.00"), new BigDecimal("5.00"),
                        new BigDecimal("20.000000")});
            }
            long snapshot = new TableWriter(catalog).replace(TableIds.metric(MetricTables.TRAFFIC_COST.name()),
                    MetricTables.TRAFFIC_COST, traffic);
            new RunRecords(catalog).publish(new MetricsRunRecord("run-october", "2026-11-01T00:00:00Z", "2026-10-31",
                    "UTC", "CNY", List.of("default"), List.of(),
                    Map.of(MetricTables.TRAFFIC_COST.name(), snapshot), Map.of()));
        }
        return warehouse;
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result report(Path warehouse, Path out, String... period) {
        List<String> args = new ArrayList<>(List.of("report", "--warehouse", warehouse.toString(), "--out",
                out.toString()));
        args.addAll(List.of(period));
        StringWriter err = new StringWriter();
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            CommandLine cli = CommerceMetricsCli.commandLine();
            cli.setErr(new PrintWriter(err));
            exit = cli.execute(args.toArray(String[]::new));
        } finally {
            System.setOut(saved);
        }
        return new Result(exit, stdout.toString(StandardCharsets.UTF_8), err.toString());
    }
}
