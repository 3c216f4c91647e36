package dev.statamcp.server.tasks;

import dev.statamcp.mcp.tasks.TaskState;
import dev.statamcp.mcp.tasks.TaskStatus;
import dev.statamcp.server.jobs.Job;
import dev.statamcp.server.jobs.JobStatus;
import dev.statamcp.server.tools.ProgressMessage;
import java.time.Duration;
import java.time.Instant;

/** A job seen as a task: the task id is the job id. */
final class JobTaskState {
    private JobTaskState() {
    }

    /**
     * @param retention how long ended jobs are kept (the task's ttl), or null when they are kept indefinitely
     * @param schedulerState the cluster scheduler's state of a running job, or null
     */
    static TaskState of(Job job, String schedulerState, Duration retention, Duration pollInterval, Instant now) {
        Instant updated = job.finishedAt() != null ? job.finishedAt()
                : job.startedAt() != null ? job.startedAt() : job.createdAt();
        return new TaskState(job.id().value(), status(job.status()), message(job, schedulerState, now),
                job.createdAt(), updated, retention == null ? null : retention.toMillis(),
                pollInterval == null ? null : pollInterval.toMillis());
    }

    /** In 2025-11-25 terms: a run that failed, hit its time limit or lost its server is {@code failed}. */
    static TaskStatus status(JobStatus status) {
        return switch (status) {
            case QUEUED, RUNNING -> TaskStatus.WORKING;
            case SUCCEEDED -> TaskStatus.COMPLETED;
            case FAILED, TIMED_OUT, INTERRUPTED -> TaskStatus.FAILED;
            case CANCELLED -> TaskStatus.CANCELLED;
        };
    }

    /** While it works, the same line the progress notifications carry; once ended, what happened. */
    private static String message(Job job, String schedulerState, Instant now) {
        if (!job.isTerminal()) {
            return ProgressMessage.of(job.createdAt(), job.status() == JobStatus.RUNNING ? job.startedAt() : null,
                    schedulerState, job.progress(), now);
        }
        String what = job.status().wireName() + (job.rc() != null && job.rc() != 0 ? " (r(" + job.rc() + "))" : "");
        String detail = job.cancelReason() != null ? job.cancelReason() : job.summary();
        String text = detail == null || detail.isBlank() ? what : what + ": " + detail;
        return text.length() > ProgressMessage.MAX_LENGTH ? text.substring(0, ProgressMessage.MAX_LENGTH - 1) + "…" : text;
    }
}
