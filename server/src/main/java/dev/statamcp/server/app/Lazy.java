package dev.statamcp.server.app;

import java.util.function.Supplier;

/**
 * A value made on first use and kept. A failure is not kept: the next use tries again (Stata may have been
 * installed or STATA_PATH set meanwhile).
 */
public final class Lazy<T> implements Supplier<T> {
    private final Supplier<T> maker;
    private volatile T value;

    public Lazy(Supplier<T> maker) {
        this.maker = maker;
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = maker.get();
                    value = v;
                }
            }
        }
        return v;
    }

    /** The value if it was made already, else null (never makes it). */
    public T peek() {
        return value;
    }
}
