package dev.statamcp.fakestata.exec;

/**
 * A command failed with a return code. The message (possibly several lines) is printed once, by whoever first
 * handles the error ({@code capture noisily} or the do-file / console level); {@link #reported} records that, so
 * outer levels print only their {@code r(N);}.
 */
public class StataError extends RuntimeException {
    private final int rc;
    private final String text;
    private boolean reported;

    protected StataError(int rc, String text) {
        super(text == null ? "r(" + rc + ")" : text, null, false, false);
        this.rc = rc;
        this.text = text;
    }

    public static StataError of(int rc, String message) {
        return new StataError(rc, message);
    }

    /** A return code without a message, as {@code exit 198} gives. */
    public static StataError silent(int rc) {
        return new StataError(rc, null);
    }

    public int rc() {
        return rc;
    }

    /** The message lines, or null when there is none to print. */
    public String text() {
        return text;
    }

    public boolean isReported() {
        return reported;
    }

    public StataError markReported() {
        reported = true;
        return this;
    }

    public boolean isBreak() {
        return false;
    }
}
