package io.commercemetrics.jobs.delivery;

import io.commercemetrics.jobs.config.DeliverySettings;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The mail server the reports are handed to, as Spring's {@link JavaMailSenderImpl} configured from the settings. */
final class SmtpRelay {

    private SmtpRelay() {
    }

    /** @param password the SMTP password, used only when the settings name a user */
    static JavaMailSenderImpl sender(DeliverySettings.Smtp smtp, String password) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(smtp.host());
        sender.setPort(smtp.port());
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        String protocol = smtp.tls() == DeliverySettings.Tls.smtps ? "smtps" : "smtp";
        sender.setProtocol(protocol);
        Properties properties = new Properties();
        String prefix = "mail." + protocol + ".";
        String millis = Long.toString(smtp.timeout().toMillis());
        properties.setProperty(prefix + "connectiontimeout", millis);
        properties.setProperty(prefix + "timeout", millis);
        properties.setProperty(prefix + "writetimeout", millis);
        if (smtp.tls() == DeliverySettings.Tls.starttls) {
            // required, not merely enabled: a server that cannot upgrade must not receive the password in clear
            properties.setProperty(prefix + "starttls.enable", "true");
            properties.setProperty(prefix + "starttls.required", "true");
        }
        if (smtp.tls() != DeliverySettings.Tls.none) {
            properties.setProperty(prefix + "ssl.checkserveridentity", "true");
        }
        if (smtp.user() != null) {
            sender.setUsername(smtp.user());
            sender.setPassword(password);
            properties.setProperty(prefix + "auth", "true");
        }
        sender.setJavaMailProperties(properties);
        return sender;
    }
}
