package dev.statamcp.stata.session;

/** A session's queue is at its limit; the message says what to do. */
public final class QueueFullException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public QueueFullException(String session, int limit) {
        super("Session '" + session + "' already has " + limit + " runs waiting, its limit. Wait for some to finish, "
                + "cancel some, or raise the queue limit.");
    }
}
