package dev.statamcp.server.safety;

/** Stata code would run a shell escape and the server was not started with --allow-shell. */
public final class ShellEscapeRefusedException extends RuntimeException {
    public ShellEscapeRefusedException(String message) {
        super(message);
    }
}
