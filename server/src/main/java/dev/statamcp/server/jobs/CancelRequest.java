package dev.statamcp.server.jobs;

/** Why someone asked a job to stop, which decides how it ends. */
public record CancelRequest(String reason, Cause cause) {

    /** The closed set of reasons to stop a job. */
    public enum Cause {
        /** Someone asked (a client, a task cancel, a tool, the REST API): the job ends {@code cancelled}. */
        CANCEL,
        /** The job's own time limit: it ends {@code timed_out}. */
        TIMEOUT,
        /** The server is shutting down: it ends {@code interrupted}. */
        SHUTDOWN
    }
}
