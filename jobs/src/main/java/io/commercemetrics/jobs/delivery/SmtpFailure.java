package io.commercemetrics.jobs.delivery;

import java.util.ArrayList;
import java.util.List;
import org.springframework.mail.MailSendException;

/** A failed delivery's cause in one line a user can act on: the server's own words, never the password. */
final class SmtpFailure {

    private static final int LONGEST = 500;

    private SmtpFailure() {
    }

    static String reason(Throwable failure, String password) {
        List<String> messages = new ArrayList<>();
        // Spring's MailSendException lists every failed message in its own text; the causes say it once
        Throwable cause = failure instanceof MailSendException send && !send.getFailedMessages().isEmpty()
                ? send.getFailedMessages().values().iterator().next() : failure;
        for (; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String message = cause.getMessage();
            if (message == null || message.isBlank()) {
                message = cause.getClass().getSimpleName();
            }
            String line = message.replaceAll("\\s+", " ").trim();
            // "a; nested exception is: b" repeats b, which comes next in the chain anyway
            int nested = line.indexOf("; nested exception is:");
            String own = nested > 0 ? line.substring(0, nested) : line;
            if (messages.stream().noneMatch(known -> known.contains(own))) {
                messages.add(own);
            }
        }
        String reason = String.join(": ", messages);
        if (password != null && !password.isEmpty()) {
            // no server quotes it that we know of; this makes sure none ever reaches a log
            reason = reason.replace(password, "******");
        }
        return reason.length() <= LONGEST ? reason : reason.substring(0, LONGEST) + "...";
    }
}
