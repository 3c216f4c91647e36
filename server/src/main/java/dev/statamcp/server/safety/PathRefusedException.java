package dev.statamcp.server.safety;

/** A path given to a tool lies outside the allowed folders; the message says which are allowed. */
public final class PathRefusedException extends RuntimeException {
    public PathRefusedException(String message) {
        super(message);
    }
}
