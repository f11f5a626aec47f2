package io.commercemetrics.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commercemetrics.reports.ReportKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The delivery: section: off by default, every address checked at once, and no place for a password. */
class DeliveryConfigTest {

    @TempDir
    Path dir;

    @Test
    void theDefaultsMailNothing() {
        DeliverySettings delivery = ConfigLoader.defaults().load().delivery();

        assertThat(delivery.management().hasRecipients()).isFalse();
        assertThat(delivery.finance().hasRecipients()).isFalse();
        assertThat(delivery.smtp()).isEqualTo(new DeliverySettings.Smtp("localhost", 587, null,
                DeliverySettings.Tls.starttls, Duration.ofSeconds(30)));
        assertThat(delivery.retry()).isEqualTo(new DeliverySettings.Retry(3, Duration.ofSeconds(10)));
    }

    @Test
    void aLayerGivesRecipientsSenderSubjectAndServer() throws IOException {
        Path file = Files.writeString(dir.resolve("mail.yaml"), """
                delivery:
                  smtp: {host: smtp.shop.example, port: 465, user: reports, tls: smtps}
                  retry: {attempts: 5, backoff-seconds: 0.5}
                  finance:
                    to: [cfo@shop.example, "Accounts <accounts@shop.example>"]
                    from: "Commerce Metrics <reports@shop.example>"
                    subject: "{period}: commissions ({kind})"
                """);

        DeliverySettings delivery = ConfigLoader.defaults().withFile(file)
                .withOverrides(List.of("delivery.management.to=ceo@shop.example",
                        "delivery.management.from=Commerce Metrics <reports@shop.example>")).load().delivery();

        assertThat(delivery.smtp()).isEqualTo(new DeliverySettings.Smtp("smtp.shop.example", 465, "reports",
                DeliverySettings.Tls.smtps, Duration.ofSeconds(30)));
        assertThat(delivery.retry()).isEqualTo(new DeliverySettings.Retry(5, Duration.ofMillis(500)));
        assertThat(delivery.route(ReportKind.finance).to())
                .containsExactly("cfo@shop.example", "Accounts <accounts@shop.example>");
        assertThat(delivery.route(ReportKind.finance).subject(ReportKind.finance, "2026-10"))
                .isEqualTo("2026-10: commissions (finance)");
        // one address given alone, without a list's brackets
        assertThat(delivery.route(ReportKind.management).to()).containsExactly("ceo@shop.example");
        assertThat(delivery.route(ReportKind.management).from()).isEqualTo("Commerce Metrics <reports@shop.example>");
        assertThat(delivery.route(ReportKind.management).subject(ReportKind.management, "2026-W43"))
                .isEqualTo("Commerce Metrics management report 2026-W43");
    }

    @Test
    void aMistakeIsAConfigurationErrorNamingItsKey() {
        assertThatThrownBy(() -> load("delivery.finance.to=[cfo@shop.example, not an address]",
                "delivery.finance.from=reports@shop.example"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("delivery.finance.to: not an e-mail address: not an address");
        assertThatThrownBy(() -> load("delivery.finance.to=cfo@shop.example"))
                .hasMessage("delivery.finance.from must give the sender, e.g. \"Commerce Metrics "
                        + "<reports@shop.example>\", to send to cfo@shop.example");
        assertThatThrownBy(() -> load("delivery.management.subject=Report {month}"))
                .hasMessage("delivery.management.subject: unknown placeholder {month} (use {kind} and {period})");
        assertThatThrownBy(() -> load("delivery.smtp.tls=ssl"))
                .hasMessage("delivery.smtp.tls must be one of starttls, smtps, none, got: ssl");
        assertThatThrownBy(() -> load("delivery.smtp.port=0"))
                .hasMessage("delivery.smtp.port must be a port from 1 to 65535, got: 0");
        assertThatThrownBy(() -> load("delivery.retry.attempts=0"))
                .hasMessageStartingWith("delivery.retry.attempts must be a whole number >= 1");
    }

    /** The password has one way in, the environment: the configuration has no key for it. */
    @Test
    void thereIsNoPasswordSetting() throws IOException {
        assertThatThrownBy(() -> load("delivery.smtp.password=secret"))
                .hasMessage("unknown setting: delivery.smtp.password");
        Path file = Files.writeString(dir.resolve("secret.yaml"), "delivery:\n  smtp:\n    password: secret\n");
        assertThatThrownBy(() -> ConfigLoader.defaults().withFile(file))
                .hasMessage("unknown setting: delivery.smtp.password");
    }

    /** A job recorded its configuration before delivery existed: a restart binds it, and mails nothing. */
    @Test
    void aConfigurationRecordedBeforeDeliveryMailsNothing() {
        String recorded = ConfigLoader.defaults().toYaml().replaceAll("(?s)\ndelivery:.*", "\n");

        DeliverySettings delivery = ConfigLoader.recorded(recorded).load().delivery();

        assertThat(delivery.management().hasRecipients()).isFalse();
        assertThat(delivery.finance().hasRecipients()).isFalse();
    }

    private static PipelineConfig load(String... settings) {
        return ConfigLoader.defaults().withOverrides(List.of(settings)).load();
    }
}
