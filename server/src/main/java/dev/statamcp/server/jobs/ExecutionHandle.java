package dev.statamcp.server.jobs;

import java.util.concurrent.CompletableFuture;

/** A started (or queued) execution, as its executor lets the job manager steer it. */
public interface ExecutionHandle {

    /**
     * Stops the job gently: a queued job leaves the queue; a running one gets Stata's Break (the session and
     * its data survive). The outcome arrives through {@link #outcome()}.
     */
    void requestBreak();

    /** Stops the job for certain: the whole process tree is killed and the session restarted. */
    void kill();

    /** Completes once the execution has ended, whatever the way. Never completes exceptionally. */
    CompletableFuture<ExecutionOutcome> outcome();
}
