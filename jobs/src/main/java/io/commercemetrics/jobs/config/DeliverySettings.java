package io.commercemetrics.jobs.config;

import io.commercemetrics.reports.ReportKind;
import java.time.Duration;
import java.util.List;

/**
 * Delivery of rendered reports by e-mail: the {@code delivery:} section of the configuration. The
 * SMTP password is deliberately absent: it comes from the environment only (the configuration is
 * recorded in the warehouse and in every manifest).
 *
 * @param smtp       the mail server the reports are handed to
 * @param retry      how often and how patiently a failed delivery is tried again
 * @param management who receives the management report (weekly and monthly)
 * @param finance    who receives the finance report (monthly)
 */
public record DeliverySettings(Smtp smtp, Retry retry, Route management, Route finance) {

    /** The section of a configuration recorded before delivery existed: nothing is sent. */
    static final DeliverySettings NONE = new DeliverySettings(
            new Smtp("localhost", 587, null, Tls.starttls, Duration.ofSeconds(30)),
            new Retry(3, Duration.ofSeconds(10)),
            new Route(List.of(), null, Route.DEFAULT_SUBJECT), new Route(List.of(), null, Route.DEFAULT_SUBJECT));

    /** starttls: upgrade before AUTH and the message, refuse a server that cannot; smtps: TLS from the first byte. */
    public enum Tls { starttls, smtps, none }

    /**
     * @param user    the SMTP user, or null: no authentication
     * @param timeout for connecting, reading and writing, each
     */
    public record Smtp(String host, int port, String user, Tls tls, Duration timeout) {
    }

    /**
     * @param attempts tries in all, the first included (1: never retried)
     * @param backoff  the wait before the second try; doubled before each further one
     */
    public record Retry(int attempts, Duration backoff) {
    }

    /**
     * Where one kind of report goes.
     *
     * @param to      the recipients' addresses; empty: this report is not mailed
     * @param from    the sender's address, set whenever {@code to} is not empty
     * @param subject the subject, with {@code {kind}} and {@code {period}} replaced
     */
    public record Route(List<String> to, String from, String subject) {

        public static final String DEFAULT_SUBJECT = "Commerce Metrics {kind} report {period}";

        public Route {
            to = List.copyOf(to);
        }

        public boolean hasRecipients() {
            return !to.isEmpty();
        }

        public String subject(ReportKind kind, String period) {
            return subject.replace("{kind}", kind.name()).replace("{period}", period);
        }
    }

    /** @throws IllegalArgumentException for {@code all}: each report is delivered as its own kind */
    public Route route(ReportKind kind) {
        return switch (kind) {
            case management -> management;
            case finance -> finance;
            case all -> throw new IllegalArgumentException("a delivery is of one report kind, management or finance");
        };
    }
}
