package dev.statamcp.server.cli.clients;

/** A client config file that cannot be edited safely; the message says why and what to do instead. */
public final class ConfigMergeException extends Exception {
    public ConfigMergeException(String message) {
        super(message);
    }
}
