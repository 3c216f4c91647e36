package dev.statamcp.mcp.tasks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.jsonrpc.Json;

/** Tasks as JSON, in the field names of each form (2025-11-25: {@code ttl}; extension: {@code ttlMs}, {@code resultType}). */
final class TaskWire {
    private TaskWire() {
    }

    /** A {@code Task} of 2025-11-25 (tasks/get, tasks/cancel, tasks/list, notifications/tasks/status). */
    static ObjectNode task(TaskState state) {
        ObjectNode node = common(state, state.status());
        if (state.ttlMillis() == null) {
            node.putNull("ttl");
        } else {
            node.put("ttl", state.ttlMillis());
        }
        if (state.pollIntervalMillis() != null) {
            node.put("pollInterval", state.pollIntervalMillis());
        }
        return node;
    }

    /** The 2025-11-25 {@code CreateTaskResult}: the task under {@code task}. */
    static ObjectNode created(TaskState state, String immediateResponse) {
        ObjectNode result = Json.object();
        result.set("task", task(state));
        if (immediateResponse != null) {
            result.putObject("_meta").put(TaskForm.IMMEDIATE_RESPONSE_META, immediateResponse);
        }
        return result;
    }

    /** The extension's {@code CreateTaskResult}: the task's fields inline, {@code resultType: "task"}. */
    static ObjectNode createdExtension(TaskState state) {
        ObjectNode node = Json.object().put("resultType", "task");
        node.setAll(extensionTask(state, state.status()));
        return node;
    }

    /** A task in the extension's field names with the status the extension uses (see {@link TaskRequests}). */
    static ObjectNode extensionTask(TaskState state, TaskStatus status) {
        ObjectNode node = common(state, status);
        if (state.ttlMillis() == null) {
            node.putNull("ttlMs");
        } else {
            node.put("ttlMs", state.ttlMillis());
        }
        if (state.pollIntervalMillis() != null) {
            node.put("pollIntervalMs", state.pollIntervalMillis());
        }
        return node;
    }

    /** A result with {@code _meta["io.modelcontextprotocol/related-task"]} added (tasks/result must carry it). */
    static ObjectNode withRelatedTask(ObjectNode result, String taskId) {
        ObjectNode copy = result.deepCopy();
        ObjectNode meta = copy.get("_meta") instanceof ObjectNode existing ? existing : copy.putObject("_meta");
        meta.putObject(TaskForm.RELATED_TASK_META).put("taskId", taskId);
        return copy;
    }

    private static ObjectNode common(TaskState state, TaskStatus status) {
        ObjectNode node = Json.object().put("taskId", state.taskId()).put("status", status.wireName());
        if (state.statusMessage() != null) {
            node.put("statusMessage", state.statusMessage());
        }
        node.put("createdAt", state.createdAt().toString());
        node.put("lastUpdatedAt", state.lastUpdatedAt().toString());
        return node;
    }
}
