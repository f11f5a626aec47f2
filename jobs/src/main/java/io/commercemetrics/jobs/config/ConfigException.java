package io.commercemetrics.jobs.config;

/** A configuration that cannot be used; its message names the setting and what is wrong. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
