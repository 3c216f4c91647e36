package dev.statamcp.server.jobs;

/** A job could not be accepted (queue full, server shutting down, unknown kind); the message says what to do. */
public final class JobRejectedException extends RuntimeException {
    public JobRejectedException(String message) {
        super(message);
    }
}
