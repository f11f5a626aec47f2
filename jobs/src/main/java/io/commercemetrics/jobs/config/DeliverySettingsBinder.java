package io.commercemetrics.jobs.config;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Binds the {@code delivery:} section (kept apart from {@link ConfigBinder} so each stays small). */
final class DeliverySettingsBinder {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");

    private DeliverySettingsBinder() {
    }

    static DeliverySettings bind(JsonNode delivery) {
        if (delivery.isMissingNode()) {
            // a configuration recorded before delivery existed (a restart takes it as it was): send nothing
            return DeliverySettings.NONE;
        }
        JsonNode smtp = delivery.path("smtp");
        JsonNode retry = delivery.path("retry");
        String host = text(smtp.path("host"));
        if (host == null) {
            throw new ConfigException("delivery.smtp.host must name the mail server, e.g. smtp.example.com");
        }
        int port = smtp.path("port").asInt(-1);
        if (!smtp.path("port").isIntegralNumber() || port < 1 || port > 65535) {
            throw new ConfigException("delivery.smtp.port must be a port from 1 to 65535, got: "
                    + smtp.path("port").asText());
        }
        int attempts = retry.path("attempts").asInt(0);
        if (!retry.path("attempts").isIntegralNumber() || attempts < 1) {
            throw new ConfigException("delivery.retry.attempts must be a whole number >= 1 (1: no retry), got: "
                    + retry.path("attempts").asText());
        }
        return new DeliverySettings(
                new DeliverySettings.Smtp(host, port, text(smtp.path("user")), tls(smtp.path("tls")),
                        seconds(smtp.path("timeout-seconds"), "delivery.smtp.timeout-seconds", false)),
                new DeliverySettings.Retry(attempts,
                        seconds(retry.path("backoff-seconds"), "delivery.retry.backoff-seconds", true)),
                route(delivery.path("management"), "delivery.management"),
                route(delivery.path("finance"), "delivery.finance"));
    }

    private static DeliverySettings.Route route(JsonNode node, String key) {
        List<String> to = new ArrayList<>();
        JsonNode recipients = node.path("to");
        // one address may be written alone, without the brackets of a list
        for (JsonNode recipient : recipients.isArray() ? recipients : List.of(recipients)) {
            String address = text(recipient);
            if (address != null) {
                to.add(address(address, key + ".to"));
            }
        }
        String from = text(node.path("from"));
        if (from != null) {
            address(from, key + ".from");
        } else if (!to.isEmpty()) {
            throw new ConfigException(key + ".from must give the sender, e.g. \"Commerce Metrics "
                    + "<reports@shop.example>\", to send to " + String.join(", ", to));
        }
        String subject = text(node.path("subject"));
        if (subject == null) {
            throw new ConfigException(key + ".subject must not be empty, e.g. \""
                    + DeliverySettings.Route.DEFAULT_SUBJECT + "\"");
        }
        Matcher placeholder = PLACEHOLDER.matcher(subject);
        while (placeholder.find()) {
            if (!placeholder.group(1).equals("kind") && !placeholder.group(1).equals("period")) {
                throw new ConfigException(key + ".subject: unknown placeholder " + placeholder.group()
                        + " (use {kind} and {period})");
            }
        }
        return new DeliverySettings.Route(to, from, subject);
    }

    /** Checked strictly here, so a typo is a configuration error at once, not a failed delivery weeks later. */
    private static String address(String text, String key) {
        try {
            new InternetAddress(text, true).validate();
            return text;
        } catch (AddressException e) {
            throw new ConfigException(key + ": not an e-mail address: " + text + " (" + e.getMessage() + ")");
        }
    }

    private static DeliverySettings.Tls tls(JsonNode node) {
        try {
            return DeliverySettings.Tls.valueOf(node.asText("").trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("delivery.smtp.tls must be one of starttls, smtps, none, got: " + node.asText());
        }
    }

    private static Duration seconds(JsonNode node, String key, boolean zeroAllowed) {
        BigDecimal seconds;
        try {
            seconds = new BigDecimal(node.asText());
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " must be a number of seconds, got: " + node.asText());
        }
        if (seconds.signum() < 0 || (!zeroAllowed && seconds.signum() == 0)) {
            throw new ConfigException(key + " must be a number of seconds " + (zeroAllowed ? ">= 0" : "> 0")
                    + ", got: " + node.asText());
        }
        return Duration.ofMillis(seconds.movePointRight(3).longValue());
    }

    private static String text(JsonNode node) {
        String text = node.isValueNode() ? node.asText("").trim() : "";
        return text.isEmpty() ? null : text;
    }
}
