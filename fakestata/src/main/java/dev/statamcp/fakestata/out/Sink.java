package dev.statamcp.fakestata.out;

/** A destination of session output: the screen or an open log file. Text passed in never contains a newline. */
public interface Sink {
    void text(Style style, CharSequence text);

    /** Raw SMCL for SMCL logs; plain destinations write {@code plain} instead. */
    void smcl(String smcl, Style plainStyle, String plain);

    void newline();

    /** Flushes if output is pending and the last flush is older than the coalescing interval. */
    void flushIfDue();

    void flush();
}
