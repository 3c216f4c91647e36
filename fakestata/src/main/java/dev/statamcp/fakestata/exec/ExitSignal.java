package dev.statamcp.fakestata.exec;

/**
 * {@code exit [N]} inside a do-file or program: ends that level (not Stata) with return code N, no message.
 * At the console it means leaving the emulator, which the console loop handles.
 */
public final class ExitSignal extends RuntimeException {
    private final int rc;
    private final boolean stata;
    private final boolean clear;

    public ExitSignal(int rc, boolean stata, boolean clear) {
        super(null, null, false, false);
        this.rc = rc;
        this.stata = stata;
        this.clear = clear;
    }

    public int rc() {
        return rc;
    }

    /** {@code exit, STATA}: leave the emulator from any depth. */
    public boolean stata() {
        return stata;
    }

    public boolean clear() {
        return clear;
    }
}
