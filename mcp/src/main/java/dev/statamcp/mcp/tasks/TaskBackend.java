package dev.statamcp.mcp.tasks;

import dev.statamcp.mcp.server.RequestContext;
import dev.statamcp.mcp.tools.ToolCall;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What an application implements to serve MCP tasks: it owns the work, its state and its stored results; the
 * {@link TasksFeature} owns the protocol (capabilities, both wire forms, errors, notifications). Tasks are the
 * application's to keep: they outlive the session that created them, so another client can collect the result.
 */
public interface TaskBackend {

    /**
     * Starts the work of a task-augmented {@code tools/call} and returns at once. The call is validated and its tool
     * allows tasks. Runs on a worker thread; should take no longer than recording the task durably, since a task
     * must be retrievable by {@code tasks/get} as soon as it is returned.
     */
    TaskStart start(ToolCall call, RequestContext context) throws Exception;

    /** The task's current state, or empty when there is no such task (never was, or deleted). */
    Optional<TaskState> find(String taskId);

    /**
     * A page of tasks, {@code limit} at most, after {@code cursor} (null for the first page).
     *
     * @throws IllegalArgumentException for a cursor this backend did not hand out
     */
    TaskPage list(String cursor, int limit);

    /**
     * Completes with the task's outcome once it has ended; the outcome must already be stored when the future
     * completes. Fails with {@link java.util.NoSuchElementException} for an unknown task.
     */
    CompletableFuture<TaskOutcome> outcome(String taskId);

    /** Asks the task to stop; completes with its state once it has ended (whatever the end turned out to be). */
    CompletableFuture<TaskState> cancel(String taskId, String reason);
}
