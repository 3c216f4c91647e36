package dev.statamcp.fakestata.exec;

/** The user pressed Break (SIGINT, or q at --more--): printed as {@code --Break--} then {@code r(1);}. */
public final class BreakError extends StataError {
    public BreakError() {
        super(1, "--Break--");
    }

    @Override
    public boolean isBreak() {
        return true;
    }
}
