package dev.ferry.model.config;

/** A parameter or scenario file that cannot be used; the message names file, line, field and what is allowed. */
public final class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }
}
