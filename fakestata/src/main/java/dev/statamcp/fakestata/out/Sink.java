package dev.statamcp.fakestata.out;

/** A destination of session output: the screen or an open log file. Text passed in never contains a newline. */
public interface Sink {
    void text(Style style, CharSequence text);

    /**
     * The same text already encoded as UTF-8 (a planned {@code display} line printed again and again): destinations
     * that store plain bytes copy them instead of encoding the text each time.
     */
    default void text(Style style, String text, byte[] utf8) {
        text(style, text);
    }

    /** Whether {@link #lines} may be used: the destination stores plain text, with no markup per line or style. */
    default boolean takesPlainLines() {
        return false;
    }

    /** Whole lines of plain text, encoded, each ending with a newline (only where {@link #takesPlainLines}). */
    default void lines(byte[] utf8, int count) {
        throw new UnsupportedOperationException("plain lines are not taken here");
    }

    /** Raw SMCL for SMCL logs; plain destinations write {@code plain} instead. */
    void smcl(String smcl, Style plainStyle, String plain);

    void newline();

    /** Flushes if output is pending and the last flush is older than the coalescing interval. */
    void flushIfDue();

    void flush();
}
