package dev.statamcp.mcp.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.jsonrpc.Json;
import dev.statamcp.mcp.jsonrpc.JsonRpcError;
import dev.statamcp.mcp.jsonrpc.McpException;
import dev.statamcp.mcp.server.RequestContext;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code tasks/get}, {@code tasks/result}, {@code tasks/list}, {@code tasks/cancel} (2025-11-25) and the
 * extension's {@code tasks/get}, {@code tasks/update}, {@code tasks/cancel}. Each runs on a worker thread.
 */
final class TaskRequests {
    private static final Logger LOG = LoggerFactory.getLogger(TaskRequests.class);
    /** How often a blocked tasks/result checks that its client is still there. */
    private static final long RESULT_CHECK_MS = 1000;

    private final TaskBackend backend;
    private final TaskNotifier notifier;
    private final TasksFeature.Settings settings;

    TaskRequests(TaskBackend backend, TaskNotifier notifier, TasksFeature.Settings settings) {
        this.backend = backend;
        this.notifier = notifier;
        this.settings = settings;
    }

    JsonNode get(ObjectNode params, RequestContext context) throws Exception {
        TaskState state = find(params);
        if (TaskForm.of(params, context.session()) == TaskForm.EXTENSION) {
            return detailed(state).put("resultType", "complete");
        }
        notifier.follow(state, context.session());
        return TaskWire.task(state);
    }

    /** Blocks until the task has ended, then answers exactly what its request would have answered. */
    JsonNode result(ObjectNode params, RequestContext context) throws Exception {
        TaskState state = find(params);
        notifier.follow(state, context.session());
        CompletableFuture<TaskOutcome> waiting = backend.outcome(state.taskId()).thenApply(outcome -> outcome);
        // Cancelling this request stops the waiting, never the task.
        context.onCancel(() -> waiting.cancel(false));
        TaskOutcome outcome = await(waiting, context);
        if (outcome instanceof TaskOutcome.Failure failure) {
            throw new McpException(failure.error());
        }
        return TaskWire.withRelatedTask(((TaskOutcome.Result) outcome).result(), state.taskId());
    }

    JsonNode list(ObjectNode params, RequestContext context) {
        JsonNode cursor = params.get("cursor");
        if (cursor != null && !cursor.isNull() && !cursor.isTextual()) {
            throw McpException.invalidParams("'cursor' must be a string from a previous tasks/list answer");
        }
        TaskPage page;
        try {
            page = backend.list(cursor == null || cursor.isNull() ? null : cursor.textValue(), settings.pageSize());
        } catch (IllegalArgumentException e) {
            throw McpException.invalidParams("unknown cursor: " + e.getMessage()
                    + "; start again with tasks/list without a cursor");
        }
        ObjectNode result = Json.object();
        ArrayNode tasks = result.putArray("tasks");
        page.tasks().forEach(task -> tasks.add(TaskWire.task(task)));
        if (page.nextCursor() != null) {
            result.put("nextCursor", page.nextCursor());
        }
        return result;
    }

    JsonNode cancel(ObjectNode params, RequestContext context) throws Exception {
        TaskState state = find(params);
        String reason = "cancelled with tasks/cancel";
        if (TaskForm.of(params, context.session()) == TaskForm.EXTENSION) {
            // The extension acknowledges at once; the task reaches its end (normally cancelled) on its own.
            if (!state.isTerminal()) {
                backend.cancel(state.taskId(), reason).whenComplete((ended, error) -> {
                    if (error != null) {
                        LOG.warn("cancelling task {} failed", state.taskId(), error);
                    }
                });
            }
            return Json.object().put("resultType", "complete");
        }
        if (state.isTerminal()) {
            throw McpException.invalidParams("Cannot cancel task " + state.taskId() + ": already in terminal status '"
                    + state.status().wireName() + "'");
        }
        TaskState ended;
        try {
            ended = backend.cancel(state.taskId(), reason).get(settings.cancelWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw stillStopping(state.taskId());
        } catch (ExecutionException e) {
            throw e.getCause() instanceof TimeoutException ? stillStopping(state.taskId())
                    : backendFailure(state.taskId(), e.getCause());
        }
        if (ended.status() != TaskStatus.CANCELLED) {
            // It ended some other way before the cancellation took effect.
            throw McpException.invalidParams("Cannot cancel task " + state.taskId() + ": already in terminal status '"
                    + ended.status().wireName() + "'");
        }
        return TaskWire.task(ended);
    }

    /** The extension's tasks/update: this server never waits for input, so there is nothing to take. */
    JsonNode update(ObjectNode params, RequestContext context) {
        if (TaskForm.of(params, context.session()) != TaskForm.EXTENSION) {
            throw TaskForm.missingExtension("tasks/update");
        }
        find(params);
        JsonNode responses = params.get("inputResponses");
        if (responses != null && !responses.isObject()) {
            throw McpException.invalidParams("'inputResponses' must be an object keyed by input request");
        }
        // No input request is ever outstanding, so every response is for an unknown key and ignored, as the
        // extension asks.
        return Json.object().put("resultType", "complete");
    }

    /**
     * The extension's detailed task. Its {@code failed} means a JSON-RPC error only: a tool result with
     * {@code isError} is {@code completed}, with the result inline.
     */
    private ObjectNode detailed(TaskState state) throws Exception {
        if (!state.isTerminal() || state.status() == TaskStatus.CANCELLED) {
            return TaskWire.extensionTask(state, state.status());
        }
        TaskOutcome outcome;
        try {
            outcome = backend.outcome(state.taskId()).get(settings.cancelWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw backendFailure(state.taskId(), e.getCause());
        }
        if (outcome instanceof TaskOutcome.Failure failure) {
            ObjectNode node = TaskWire.extensionTask(state, TaskStatus.FAILED);
            node.set("error", failure.error().toJson());
            return node;
        }
        ObjectNode node = TaskWire.extensionTask(state, TaskStatus.COMPLETED);
        node.set("result", ((TaskOutcome.Result) outcome).result());
        return node;
    }

    private TaskState find(ObjectNode params) {
        JsonNode id = params.get("taskId");
        if (id == null || !id.isTextual() || id.textValue().isEmpty()) {
            throw McpException.invalidParams("'taskId' is required: the id a CreateTaskResult or tasks/list gave");
        }
        return backend.find(id.textValue()).orElseThrow(() -> notFound(id.textValue()));
    }

    private TaskOutcome await(CompletableFuture<TaskOutcome> waiting, RequestContext context) throws Exception {
        while (true) {
            try {
                return waiting.get(RESULT_CHECK_MS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (!context.session().isOpen()) {
                    waiting.cancel(false);
                    throw new McpException(JsonRpcError.internal("the session closed while waiting for the task"));
                }
            } catch (CancellationException e) {
                throw new McpException(JsonRpcError.internal("tasks/result was cancelled; the task goes on"));
            } catch (ExecutionException e) {
                throw backendFailure(null, e.getCause());
            }
        }
    }

    private static McpException stillStopping(String taskId) {
        return new McpException(JsonRpcError.internal("task " + taskId + " was asked to stop but has not ended yet;"
                + " check it with tasks/get"));
    }

    private static McpException notFound(String taskId) {
        return McpException.invalidParams("Failed to retrieve task: Task not found ('" + taskId
                + "'; it may have been deleted after its retention time)");
    }

    private static McpException backendFailure(String taskId, Throwable cause) {
        if (cause instanceof NoSuchElementException) {
            return notFound(taskId == null ? cause.getMessage() : taskId);
        }
        if (cause instanceof McpException e) {
            return e;
        }
        LOG.error("task {} failed in the application", taskId, cause);
        return new McpException(JsonRpcError.internal((cause == null ? "unknown failure" : cause.getMessage())
                + " (details are in the server log)"));
    }
}
