package io.commercemetrics.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercemetrics.jobs.schedule.ScheduleState;
import io.commercemetrics.jobs.warehouse.WarehouseContents;
import io.commercemetrics.warehouse.MetricsRunRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code schedule --once} for real, on a Tuesday morning after the month end: the inbox's files are
 * archived and ingested from the archive, the unreadable one is rejected with its reason, metrics
 * are computed, and the weekly and monthly reports are rendered into the index.
 */
class ScheduleEndToEndTest {

    private static final Path SAMPLE_DATA = Path.of("..", "sample-data");

    @TempDir
    Path dir;

    @Test
    void onceIngestsTheInboxFromItsArchiveAndRendersTheDueReports() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        int orders = octoberOrdersInto(inbox);
        Files.copy(SAMPLE_DATA.resolve("commerce-metrics.yaml"), inbox.resolve("commerce-metrics.yaml"));
        // three files ingest cannot take: empty, a header of no known export, not an export at all
        Files.writeString(inbox.resolve("refunds.csv"), "");
        Files.writeString(inbox.resolve("weird.csv"), "alpha,beta\n1,2\n");
        Files.writeString(inbox.resolve("notes.txt"), "call the shop on Monday");
        Path warehouse = dir.resolve("warehouse");
        Path reports = dir.resolve("reports");
        // Tuesday 3 November 07:00 in Shanghai (the inbox's time zone): ingest (02:00), Monday's weekly
        // report (06:00) and the monthly reports of the 3rd (06:00) are all due
        Clock clock = Clock.fixed(LocalDateTime.parse("2026-11-03T07:00").atZone(ZoneId.of("Asia/Shanghai"))
                .toInstant(), ZoneOffset.UTC);

        // the reports rendered are mailed: management to the CEO, finance to the CFO, through a real SMTP server
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        int exit;
        try {
            exit = new CommandLine(new ScheduleCommand(clock)).setExecutionExceptionHandler(new ErrorHandler())
                    .execute("--once", "--inbox", inbox.toString(), "--warehouse", warehouse.toString(),
                            "--reports", reports.toString(), "--set", "delivery.smtp.host=127.0.0.1",
                            "--set", "delivery.smtp.port=" + smtp.getSmtp().getPort(), "--set", "delivery.smtp.tls=none",
                            "--set", "delivery.management.to=[ceo@shop.example]",
                            "--set", "delivery.management.from=reports@shop.example",
                            "--set", "delivery.finance.to=[cfo@shop.example]",
                            "--set", "delivery.finance.from=reports@shop.example");
            List<String> subjects = new java.util.ArrayList<>();
            for (jakarta.mail.internet.MimeMessage message : smtp.getReceivedMessages()) {
                subjects.add(message.getSubject() + " -> " + message.getAllRecipients()[0]);
            }
            assertThat(subjects).containsExactlyInAnyOrder(
                    "Commerce Metrics management report 2026-W44 -> ceo@shop.example",
                    "Commerce Metrics management report 2026-10 -> ceo@shop.example",
                    "Commerce Metrics finance report 2026-10 -> cfo@shop.example");
        } finally {
            smtp.stop();
        }

        assertThat(exit).isZero();
        Path archived = inbox.resolve("archive/2026-11-03");
        assertThat(archived.resolve("orders.csv")).exists();
        assertThat(archived.resolve("order_lines.csv")).exists();
        assertThat(inbox.resolve("rejected/refunds.csv")).exists();
        assertThat(inbox.resolve("rejected/refunds.csv.reason")).content().contains("empty file");
        assertThat(inbox.resolve("rejected/weird.csv.reason")).content().contains("matches no known export");
        assertThat(inbox.resolve("rejected/notes.txt.reason")).content().contains("not an export of any source");
        assertThat(archived.resolve("weird.csv")).doesNotExist();
        assertThat(inbox.resolve("commerce-metrics.yaml")).exists();
        try (var left = Files.list(inbox)) {
            assertThat(left.filter(Files::isRegularFile).map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("commerce-metrics.yaml", ScheduleCommand.LOCK_FILE);
        }
        // the metrics run read the files where the archive keeps them, every order of them
        MetricsRunRecord run = WarehouseContents.latestRun(warehouse);
        assertThat(run.reportingTimeZone()).isEqualTo("Asia/Shanghai");
        assertThat(run.dataEnd()).isEqualTo("2026-10-31");
        MetricsRunRecord.InputFile ordersFile = run.inputs().stream().filter(f -> f.source().equals("orders"))
                .findFirst().orElseThrow();
        assertThat(ordersFile.file()).isEqualTo(archived.resolve("orders.csv").toRealPath().toString());
        assertThat(ordersFile.read()).isEqualTo(orders);
        assertThat(ordersFile.accepted()).isPositive();
        // last week's management report, last month's management and finance reports, in the index
        for (String file : List.of("2026-W44/management.pdf", "2026-10/management.pdf", "2026-10/finance.pdf",
                "2026-10/finance.xlsx")) {
            assertThat(reports.resolve(file)).as(file).isNotEmptyFile();
        }
        assertThat(reports.resolve("index.html")).content().contains("2026-W44", "2026-10");
        ScheduleState state = ScheduleState.at(warehouse.resolve("schedule-state.properties"));
        assertThat(state.lastFired("ingest")).isPresent();
        assertThat(state.lastFired("weekly-report")).isPresent();
        assertThat(state.lastFired("monthly-reports")).isPresent();
    }

    /** The sample's CNY orders of October 2026 and their lines: a small inbox with a month end. */
    private static int octoberOrdersInto(Path inbox) throws IOException {
        List<String> orders = Files.readAllLines(SAMPLE_DATA.resolve("orders.csv"), StandardCharsets.UTF_8);
        List<String> kept = orders.stream().skip(1).filter(l -> !l.contains("\""))
                .filter(l -> l.split(",")[2].startsWith("2026-10") && l.split(",")[5].equals("CNY")).toList();
        Set<String> ids = new HashSet<>();
        kept.forEach(l -> ids.add(l.split(",")[0]));
        Files.writeString(inbox.resolve("orders.csv"), orders.get(0) + "\n" + String.join("\n", kept) + "\n");
        List<String> lines = Files.readAllLines(SAMPLE_DATA.resolve("order_lines.csv"), StandardCharsets.UTF_8);
        Files.writeString(inbox.resolve("order_lines.csv"), lines.get(0) + "\n" + String.join("\n",
                lines.stream().skip(1).filter(l -> ids.contains(l.split(",")[0])).toList()) + "\n");
        return kept.size();
    }
}
