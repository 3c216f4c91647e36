package dev.statamcp.server.tools;

/** A session cannot answer now (busy with a job, unknown, too slow); the message says what to do instead. */
final class SessionBusyException extends RuntimeException {
    SessionBusyException(String message) {
        super(message);
    }
}
