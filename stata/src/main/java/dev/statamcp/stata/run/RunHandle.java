package dev.statamcp.stata.run;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A submitted run, from the queue to its result. Console sessions and batch runs hand out the same kind of handle.
 */
public interface RunHandle {

    String runId();

    RunState state();

    /** A snapshot of progress facts. */
    RunProgress progress();

    /**
     * Adds a listener. Lines already delivered are replayed to it first, in order, so a late subscriber misses
     * nothing; if the run has finished, it also gets {@code finished}.
     */
    void addListener(RunListener listener);

    void removeListener(RunListener listener);

    /**
     * Break (SIGINT, as Ctrl-C in Stata): the command stops with {@code --Break--}, r(1), and the session keeps its
     * data. A queued run is taken out of the queue instead. Returns false when there was nothing to break.
     */
    boolean breakRun();

    /**
     * Kills Stata: SIGTERM to its whole process group, SIGKILL after the grace period, then a check that nothing of
     * the group is left. The session's state is lost and its next run starts a fresh Stata. A queued run is taken
     * out of the queue instead. Returns immediately; {@link #result()} completes when the process is gone.
     */
    void kill();

    /** The result, completed exactly once, whatever happens (the future never completes exceptionally). */
    CompletableFuture<RunResult> result();

    /**
     * Break, then kill if the run has not ended within {@code grace}: the one cancel path. A queued run is taken out
     * of the queue; a run whose Stata is still starting (nothing to break yet) is killed at once. Returns
     * immediately.
     */
    default void cancel(Duration grace) {
        if (state() == RunState.FINISHED) {
            return;
        }
        if (!breakRun()) {
            kill();
            return;
        }
        // orTimeout on a copy: the handle's own future must never complete exceptionally
        result().copy().orTimeout(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .exceptionally(timeout -> {
                    kill();
                    return null;
                });
    }
}
