package dev.statamcp.server.config;

/** A setting is missing, malformed or out of range; the message names it and says what is accepted. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
