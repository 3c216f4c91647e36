package dev.statamcp.stata.session;

/** The session was closed; runs can no longer be submitted to it. */
public final class SessionClosedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SessionClosedException(String session) {
        super("Session '" + session + "' is closed. Use another session or create it again.");
    }
}
