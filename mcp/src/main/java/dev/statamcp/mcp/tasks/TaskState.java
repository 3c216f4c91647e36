package dev.statamcp.mcp.tasks;

import java.time.Instant;
import java.util.Objects;

/**
 * What the application reports about one task. The status is in the 2025-11-25 sense: a tool call whose result has
 * {@code isError} is {@link TaskStatus#FAILED}; the extension form derives its own status from the outcome.
 *
 * @param statusMessage      a short line for people (progress while working, what went wrong when failed), or null
 * @param ttlMillis          how long after creation the task may be deleted, or null when it is kept indefinitely
 * @param pollIntervalMillis how often a client should poll, or null to leave it to the client
 */
public record TaskState(String taskId, TaskStatus status, String statusMessage, Instant createdAt,
                        Instant lastUpdatedAt, Long ttlMillis, Long pollIntervalMillis) {
    public TaskState {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        lastUpdatedAt = lastUpdatedAt == null ? createdAt : lastUpdatedAt;
    }

    public boolean isTerminal() {
        return status.isTerminal();
    }
}
