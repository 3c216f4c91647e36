package dev.statamcp.stata.run;

import dev.statamcp.stata.log.OutputLine;

/**
 * Receives a run's events as they happen, on the engine's reader thread: keep handlers short and never block
 * (hand work to another thread). Exceptions thrown by a handler are logged and do not disturb the run.
 */
public interface RunListener {

    /** Stata began running the code. */
    default void started(String runId) {
    }

    /** A line of output, within milliseconds of Stata writing it. */
    default void line(OutputLine line) {
    }

    /** A new top-level command began (called after the echo line that shows it). */
    default void progress(RunProgress progress) {
    }

    /** The run ended; also completes {@link RunHandle#result()}. */
    default void finished(RunResult result) {
    }
}
