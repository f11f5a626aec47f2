package io.commercemetrics.jobs.delivery;

/**
 * Where the SMTP password comes from. In production only the environment: an option would show it in
 * the process list and the shell history, and the configuration is recorded in the warehouse and in
 * every manifest. Tests hand in their own, since a test cannot set its own environment.
 */
@FunctionalInterface
public interface SmtpPassword {

    String VARIABLE = "COMMERCE_METRICS_SMTP_PASSWORD";

    /** @return the password, or null when none is given */
    String get();

    static SmtpPassword fromEnvironment() {
        return () -> {
            String password = System.getenv(VARIABLE);
            return password == null || password.isEmpty() ? null : password;
        };
    }
}
