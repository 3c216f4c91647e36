package dev.statamcp.mcp.tasks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.jsonrpc.JsonRpcError;
import dev.statamcp.mcp.server.RequestContext;
import dev.statamcp.mcp.tools.ToolCall;
import dev.statamcp.mcp.tools.ToolResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** An application the test steers: tasks start working and end when the test says so. */
final class FakeTaskBackend implements TaskBackend {
    static final Instant CREATED = Instant.parse("2026-01-02T03:04:05Z");

    private final Map<String, TaskState> states = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<TaskOutcome>> outcomes = new ConcurrentHashMap<>();
    private final List<String> order = new CopyOnWriteArrayList<>();
    private final AtomicInteger next = new AtomicInteger(1);
    final List<ToolCall> started = new CopyOnWriteArrayList<>();
    final List<String> cancelled = new CopyOnWriteArrayList<>();
    volatile boolean refuse;
    volatile boolean cancelEndsAsCompleted;
    TasksFeature feature;

    @Override
    public TaskStart start(ToolCall call, RequestContext context) {
        if (refuse) {
            return new TaskStart.Refused(ToolResult.error("The path /etc is outside the allowed folders.").toJson());
        }
        started.add(call);
        String id = "t-" + next.getAndIncrement();
        TaskState state = new TaskState(id, TaskStatus.WORKING, "queued", CREATED, CREATED, 3_600_000L, 500L);
        states.put(id, state);
        outcomes.put(id, new CompletableFuture<>());
        order.add(id);
        return new TaskStart.Started(state, "Started " + id);
    }

    @Override
    public Optional<TaskState> find(String taskId) {
        return Optional.ofNullable(states.get(taskId));
    }

    @Override
    public TaskPage list(String cursor, int limit) {
        int from = 0;
        if (cursor != null) {
            if (!cursor.startsWith("at:")) {
                throw new IllegalArgumentException("'" + cursor + "'");
            }
            from = Integer.parseInt(cursor.substring(3));
        }
        List<TaskState> page = new ArrayList<>();
        for (int i = from; i < Math.min(order.size(), from + limit); i++) {
            page.add(states.get(order.get(i)));
        }
        return new TaskPage(page, from + limit < order.size() ? "at:" + (from + limit) : null);
    }

    @Override
    public CompletableFuture<TaskOutcome> outcome(String taskId) {
        CompletableFuture<TaskOutcome> f = outcomes.get(taskId);
        return f != null ? f : CompletableFuture.failedFuture(new NoSuchElementException(taskId));
    }

    @Override
    public CompletableFuture<TaskState> cancel(String taskId, String reason) {
        cancelled.add(taskId);
        if (cancelEndsAsCompleted) {
            end(taskId, TaskStatus.COMPLETED, result("done before the cancel", false));
        } else {
            end(taskId, TaskStatus.CANCELLED, result("cancelled: " + reason, true));
        }
        return CompletableFuture.completedFuture(states.get(taskId));
    }

    /** Ends a task the way the application would: state and outcome stored, then the feature told. */
    void end(String taskId, TaskStatus status, TaskOutcome outcome) {
        TaskState s = states.get(taskId);
        states.put(taskId, new TaskState(taskId, status, status.wireName(), s.createdAt(), CREATED.plusSeconds(10),
                s.ttlMillis(), s.pollIntervalMillis()));
        outcomes.get(taskId).complete(outcome);
        if (feature != null) {
            feature.statusChanged(taskId);
        }
    }

    static TaskOutcome.Result result(String text, boolean isError) {
        ObjectNode json = (isError ? ToolResult.error(text) : ToolResult.text(text)).toJson();
        return new TaskOutcome.Result(json);
    }

    static TaskOutcome.Failure failure(String message) {
        return new TaskOutcome.Failure(JsonRpcError.internal(message));
    }
}
