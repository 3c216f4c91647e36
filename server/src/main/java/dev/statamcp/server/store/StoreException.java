package dev.statamcp.server.store;

/** The job store cannot do what was asked; the message says why and what to do. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
