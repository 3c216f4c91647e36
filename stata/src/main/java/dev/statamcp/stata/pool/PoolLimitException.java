package dev.statamcp.stata.pool;

/** The pool cannot take another session; the message says why and what to do. */
public final class PoolLimitException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PoolLimitException(String message) {
        super(message);
    }
}
