package dev.statamcp.stata.session;

import java.util.OptionalInt;

/** Stata could not be started for a session; the message says why, in Stata's words where it gave any. */
final class SessionStartException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient OptionalInt exitCode;

    SessionStartException(String message) {
        this(message, OptionalInt.empty());
    }

    SessionStartException(String message, OptionalInt exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    OptionalInt exitCode() {
        return exitCode;
    }
}
