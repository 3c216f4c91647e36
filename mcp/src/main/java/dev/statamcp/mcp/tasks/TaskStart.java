package dev.statamcp.mcp.tasks;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** How the application took a task-augmented tool call. */
public sealed interface TaskStart {

    /**
     * The work runs on; the call is answered with a {@code CreateTaskResult}.
     *
     * @param immediateResponse a line the host may hand the model at once while the task runs, or null
     */
    record Started(TaskState task, String immediateResponse) implements TaskStart {
    }

    /**
     * No task was created (the arguments were refused before any work began); {@code result} is the
     * {@code CallToolResult} explaining why, which the extension form returns as it is and the 2025-11-25 form turns
     * into an invalid-params error (a client that asked for a task there expects a task or an error).
     */
    record Refused(ObjectNode result) implements TaskStart {
    }
}
