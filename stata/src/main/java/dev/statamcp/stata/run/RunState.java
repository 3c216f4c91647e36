package dev.statamcp.stata.run;

/** Where a run is in its life. */
public enum RunState {
    QUEUED,
    RUNNING,
    FINISHED
}
