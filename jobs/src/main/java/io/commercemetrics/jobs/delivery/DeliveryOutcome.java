package io.commercemetrics.jobs.delivery;

import io.commercemetrics.reports.ReportKind;
import java.util.List;

/**
 * What became of one report's delivery.
 *
 * @param recipients  the addresses it was for (empty when the kind has none)
 * @param attachments the names of the files attached
 * @param attempts    how often the server was tried (0: never, e.g. nothing to send)
 * @param reason      why it was not sent (the SMTP error, never the password); null when sent
 */
public record DeliveryOutcome(Status status, ReportKind kind, String period, List<String> recipients,
                              List<String> attachments, int attempts, String reason) {

    public enum Status {
        SENT,
        /** tried and given up, or nothing fit to send */
        FAILED,
        /** the kind has no recipients: delivery is off for it */
        NOT_CONFIGURED
    }

    public DeliveryOutcome {
        recipients = List.copyOf(recipients);
        attachments = List.copyOf(attachments);
    }

    public boolean failed() {
        return status == Status.FAILED;
    }

    /** One line for the console and the log. */
    public String summary() {
        String report = "the " + kind + " report " + period;
        String to = String.join(", ", recipients);
        return switch (status) {
            case SENT -> "mailed " + report + " to " + to + " (" + String.join(", ", attachments) + "; "
                    + attempts(attempts) + ")";
            case FAILED -> "could not mail " + report + (to.isEmpty() ? "" : " to " + to)
                    + (attempts > 0 ? " after " + attempts(attempts) : "") + ": " + reason;
            case NOT_CONFIGURED -> "not mailing " + report + ": no recipients (delivery." + kind + ".to)";
        };
    }

    private static String attempts(int n) {
        return n + (n == 1 ? " attempt" : " attempts");
    }
}
