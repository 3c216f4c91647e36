package dev.statamcp.server.jobs;

import java.nio.file.Path;

/**
 * Runs jobs of one kind: a console session of the pool, a detached batch process, a cluster scheduler. The job
 * manager, the store and the tools do not care which.
 */
public interface JobExecutor {

    /**
     * Starts (or queues) a job. Must return quickly; the work happens elsewhere and is reported to the listener.
     *
     * @param job    the job as stored (queued)
     * @param folder the job's own folder: logs and graphs written here survive the server process
     */
    ExecutionHandle start(Job job, Path folder, ExecutionListener listener);

    /**
     * Picks up a job that a previous server process started and that runs on without it (batch, cluster), from
     * the facts recorded through {@link ExecutionListener#onExecutorFacts}. Executors whose jobs die with the
     * server throw {@link UnsupportedOperationException}.
     */
    default ExecutionHandle adopt(Job job, Path folder, ExecutionListener listener) {
        throw new UnsupportedOperationException(job.spec().kind().wireName() + " jobs cannot be re-adopted");
    }
}
