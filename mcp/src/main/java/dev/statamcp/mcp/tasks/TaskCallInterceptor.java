package dev.statamcp.mcp.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.jsonrpc.JsonRpcError;
import dev.statamcp.mcp.jsonrpc.McpException;
import dev.statamcp.mcp.server.RequestContext;
import dev.statamcp.mcp.tools.ToolCall;
import dev.statamcp.mcp.tools.ToolCallInterceptor;

/**
 * Answers a {@code tools/call} with a task when, and only when, the client asked for one: {@code params.task} in
 * the 2025-11-25 form, the extension declared in the extension form. Anything else runs the tool as usual.
 */
final class TaskCallInterceptor implements ToolCallInterceptor {
    private final TaskBackend backend;
    private final TaskNotifier notifier;

    TaskCallInterceptor(TaskBackend backend, TaskNotifier notifier) {
        this.backend = backend;
        this.notifier = notifier;
    }

    @Override
    public JsonNode intercept(ToolCall call, RequestContext context) throws Exception {
        String support = call.tool().taskSupport() == null ? "forbidden" : call.tool().taskSupport();
        boolean allowsTasks = "optional".equals(support) || "required".equals(support);
        if (TaskForm.of(call.params(), context.session()) == TaskForm.EXTENSION) {
            // The server decides; it makes a task of every call to a tool that can run as one, since those are
            // the long runs a client declaring the extension wants to poll for rather than wait on.
            if (!allowsTasks) {
                return null;
            }
            TaskStart start = backend.start(call, context);
            if (start instanceof TaskStart.Started started) {
                return TaskWire.createdExtension(started.task());
            }
            return ((TaskStart.Refused) start).result();
        }
        if (!call.requestsTask()) {
            if ("required".equals(support)) {
                throw new McpException(JsonRpcError.METHOD_NOT_FOUND, "Tool '" + call.tool().name()
                        + "' runs only as a task: call it with params.task (tasks, 2025-11-25)");
            }
            return null;
        }
        if (!allowsTasks) {
            // 2025-11-25: a tool without execution.taskSupport (or "forbidden") called as a task is -32601.
            throw new McpException(JsonRpcError.METHOD_NOT_FOUND, "Tool '" + call.tool().name()
                    + "' does not support task-augmented calls (execution.taskSupport is " + support
                    + "); call it without params.task");
        }
        checkTaskParam(call.params().get("task"));
        TaskStart start = backend.start(call, context);
        if (start instanceof TaskStart.Started started) {
            notifier.follow(started.task(), context.session());
            return TaskWire.created(started.task(), started.immediateResponse());
        }
        throw refusal(call, ((TaskStart.Refused) start).result());
    }

    /** {@code task} is an object whose optional {@code ttl} is a non-negative number of milliseconds. */
    private static void checkTaskParam(JsonNode task) {
        if (!task.isObject()) {
            throw McpException.invalidParams("'task' must be an object, e.g. {\"ttl\": 60000}");
        }
        JsonNode ttl = task.get("ttl");
        if (ttl != null && !ttl.isNull() && (!ttl.isNumber() || ttl.asDouble() < 0)) {
            throw McpException.invalidParams("'task.ttl' must be a non-negative number of milliseconds");
        }
    }

    /** The tool refused the arguments before starting anything: an error carrying its explanation. */
    private static McpException refusal(ToolCall call, ObjectNode result) {
        StringBuilder text = new StringBuilder();
        for (JsonNode block : result.path("content")) {
            if ("text".equals(block.path("type").asText())) {
                text.append(text.length() > 0 ? " " : "").append(block.path("text").asText());
            }
        }
        String why = text.length() > 0 ? text.toString() : "the tool refused the arguments";
        return new McpException(JsonRpcError.INVALID_PARAMS, "Tool '" + call.tool().name()
                + "' did not start a task: " + why, result);
    }
}
