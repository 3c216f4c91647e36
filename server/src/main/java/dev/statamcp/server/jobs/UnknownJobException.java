package dev.statamcp.server.jobs;

/** No job has this id in the store (it never existed, or retention removed it). */
public final class UnknownJobException extends RuntimeException {
    public UnknownJobException(JobId id) {
        super("no job " + id + " in the store; list jobs with stata_jobs (ended jobs are kept for a limited time)");
    }
}
