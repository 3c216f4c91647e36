package dev.statamcp.server.jobs;

import dev.statamcp.server.store.JobStore.Completion;

/**
 * Turns an execution's end into what is stored and later delivered: summary, error facts and the full tool
 * result. The job manager has already decided the status; the renderer only describes it. Kept apart from the
 * job manager so the job system knows nothing of MCP's result shape.
 */
public interface ResultRenderer {
    /**
     * @param reason why the job was cancelled, timed out or interrupted; null otherwise
     */
    Completion render(Job job, JobStatus status, ExecutionOutcome outcome, String reason);
}
