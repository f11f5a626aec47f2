package io.commercemetrics.jobs.delivery;

import io.commercemetrics.jobs.config.DeliverySettings;
import io.commercemetrics.reports.ReportKind;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.retry.RetryCallback;
import org.springframework.retry.RetryContext;
import org.springframework.retry.RetryListener;
import org.springframework.retry.backoff.BackOffPolicy;
import org.springframework.retry.backoff.ExponentialBackOffPolicy;
import org.springframework.retry.backoff.NoBackOffPolicy;
import org.springframework.retry.policy.SimpleRetryPolicy;
import org.springframework.retry.support.RetryTemplate;

/**
 * Mails a rendered report to the recipients its kind has in the configuration ({@code delivery:}).
 * The one entry point is {@link #deliver}: it retries what may pass on another try (the server down,
 * a connection dropped), logs each failure, returns the outcome (the caller prints it) and never
 * throws, so a delivery never fails the rendering that came before it. One instance serves a whole
 * run (the scheduler's or {@code report --mail}'s): it says once per kind that a kind without
 * recipients is not mailed.
 */
public final class ReportDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(ReportDelivery.class);

    private final DeliverySettings settings;
    private final SmtpPassword password;
    private final Set<ReportKind> saidNotConfigured = ConcurrentHashMap.newKeySet();

    /** @param password where the SMTP password comes from: {@link SmtpPassword#fromEnvironment()} but in tests */
    public ReportDelivery(DeliverySettings settings, SmtpPassword password) {
        this.settings = settings;
        this.password = password;
    }

    public static ReportDelivery fromEnvironment(DeliverySettings settings) {
        return new ReportDelivery(settings, SmtpPassword.fromEnvironment());
    }

    /** Whether reports of this kind have recipients (management or finance). */
    public boolean mails(ReportKind kind) {
        return kind != ReportKind.all && settings.route(kind).hasRecipients();
    }

    /**
     * Mails one report of one period.
     *
     * @param kind   management or finance
     * @param period the period's label, e.g. {@code 2026-10} or {@code 2026-W43}
     * @param files  what the renderer wrote for this report and period: its PDF (attached), its HTML
     *               (the body), for finance its XLSX (attached)
     * @return sent, failed (with the reason) or not configured; never throws
     */
    public DeliveryOutcome deliver(ReportKind kind, String period, List<Path> files) {
        if (kind == null || kind == ReportKind.all) {
            return report(new DeliveryOutcome(DeliveryOutcome.Status.FAILED, kind, period, List.of(), List.of(), 0,
                    "a delivery is of one report kind, management or finance, not " + kind));
        }
        DeliverySettings.Route route = settings.route(kind);
        if (!route.hasRecipients()) {
            DeliveryOutcome outcome = new DeliveryOutcome(DeliveryOutcome.Status.NOT_CONFIGURED, kind, period,
                    List.of(), List.of(), 0, null);
            if (saidNotConfigured.add(kind)) {
                LOG.info("{}; no {} report is mailed until delivery.{}.to lists recipients", outcome.summary(), kind,
                        kind);
            }
            return outcome;
        }
        String secret = password.get();
        try {
            return report(send(kind, period, files, route, secret));
        } catch (RuntimeException e) {
            // whatever went wrong, the rendering that called us must go on
            return report(failed(kind, period, route, List.of(), 0, SmtpFailure.reason(e, secret)));
        }
    }

    private DeliveryOutcome send(ReportKind kind, String period, List<Path> files, DeliverySettings.Route route,
                                 String secret) {
        if (settings.smtp().user() != null && secret == null) {
            return failed(kind, period, route, List.of(), 0, "delivery.smtp.user is " + settings.smtp().user()
                    + " but $" + SmtpPassword.VARIABLE + " is not set");
        }
        ReportMessage message;
        MimeMessage mime;
        JavaMailSenderImpl sender = SmtpRelay.sender(settings.smtp(), secret);
        try {
            message = new ReportMessage(kind, period, files);
            mime = sender.createMimeMessage();
            message.writeTo(mime, route);
        } catch (IllegalArgumentException | MessagingException | IOException e) {
            return failed(kind, period, route, List.of(), 0, SmtpFailure.reason(e, secret));
        }
        int[] attempts = {0};
        try {
            retryTemplate(kind, period, secret).execute(context -> {
                attempts[0] = context.getRetryCount() + 1;
                sender.send(mime);
                return null;
            });
            return new DeliveryOutcome(DeliveryOutcome.Status.SENT, kind, period, route.to(),
                    message.attachmentNames(), attempts[0], null);
        } catch (MailException e) {
            return failed(kind, period, route, message.attachmentNames(), attempts[0], SmtpFailure.reason(e, secret));
        }
    }

    /**
     * Retries what another try may cure; a wrong password or a message that cannot be built fails at once
     * (retrying a rejected login can lock the account).
     */
    private RetryTemplate retryTemplate(ReportKind kind, String period, String secret) {
        DeliverySettings.Retry retry = settings.retry();
        SimpleRetryPolicy policy = new SimpleRetryPolicy(retry.attempts(), Map.of(MailException.class, true,
                MailAuthenticationException.class, false, MailPreparationException.class, false,
                MailParseException.class, false), true);
        return RetryTemplate.builder().customPolicy(policy).customBackoff(backOff(retry))
                .withListener(new RetryListener() {
                    @Override
                    public <T, E extends Throwable> void onError(RetryContext context, RetryCallback<T, E> callback,
                                                                 Throwable failure) {
                        LOG.warn("mailing the {} report {}: attempt {} of {} failed: {}", kind, period,
                                context.getRetryCount(), retry.attempts(), SmtpFailure.reason(failure, secret));
                    }
                })
                .build();
    }

    private static BackOffPolicy backOff(DeliverySettings.Retry retry) {
        long first = retry.backoff().toMillis();
        if (first == 0) {
            return new NoBackOffPolicy();
        }
        ExponentialBackOffPolicy backOff = new ExponentialBackOffPolicy();
        backOff.setInitialInterval(first);
        backOff.setMultiplier(2);
        // Spring Retry caps waits at 30 s by default; the configuration promises plain doubling
        backOff.setMaxInterval(first << Math.min(retry.attempts(), 30));
        return backOff;
    }

    private static DeliveryOutcome failed(ReportKind kind, String period, DeliverySettings.Route route,
                                          List<String> attachments, int attempts, String reason) {
        return new DeliveryOutcome(DeliveryOutcome.Status.FAILED, kind, period, route.to(), attachments, attempts,
                reason);
    }

    /** A failure is logged as an error; a success only at debug level, since the caller prints the outcome it gets. */
    private static DeliveryOutcome report(DeliveryOutcome outcome) {
        if (outcome.failed()) {
            LOG.error(outcome.summary());
        } else {
            LOG.debug(outcome.summary());
        }
        return outcome;
    }
}
