package dev.statamcp.stata.process;

/** The signals the engine sends to a Stata process group. */
public enum Signal {
    /** Break: Stata stops the running command with {@code --Break--} and r(1); the session survives. */
    INT,
    /** Polite termination. */
    TERM,
    /** Forced termination. */
    KILL,
    /** Existence probe: delivers nothing. */
    ZERO;

    String flag() {
        return this == ZERO ? "-0" : "-" + name();
    }
}
