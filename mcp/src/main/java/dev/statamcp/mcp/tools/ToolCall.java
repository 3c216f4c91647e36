package dev.statamcp.mcp.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A validated {@code tools/call}: the tool, its arguments (defaults applied) and the full params as sent, which
 * carry fields such as {@code task} that an interceptor may act on.
 */
public record ToolCall(Tool tool, ObjectNode arguments, ObjectNode params) {
    /** Whether the client asked for this call to run as a task ({@code params.task}, 2025-11-25). */
    public boolean requestsTask() {
        return params.has("task");
    }
}
