package dev.statamcp.stata.session;

/** Life of a console session. */
public enum SessionState {
    /** No Stata process: not started yet, stopped when idle, or after a crash or kill (starts on the next run). */
    STOPPED,
    /** Stata is starting. */
    STARTING,
    /** Stata is running and waiting for code. */
    IDLE,
    /** Stata is running code. */
    BUSY,
    /** Closed for good; runs are refused. */
    CLOSED
}
