package dev.statamcp.server.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.jsonrpc.JsonRpcError;
import dev.statamcp.mcp.jsonrpc.McpException;
import dev.statamcp.mcp.server.RequestContext;
import dev.statamcp.mcp.tasks.TaskBackend;
import dev.statamcp.mcp.tasks.TaskOutcome;
import dev.statamcp.mcp.tasks.TaskPage;
import dev.statamcp.mcp.tasks.TaskStart;
import dev.statamcp.mcp.tasks.TaskState;
import dev.statamcp.mcp.tools.ToolCall;
import dev.statamcp.mcp.tools.ToolResult;
import dev.statamcp.mcp.tools.ToolsFeature;
import dev.statamcp.server.jobs.Job;
import dev.statamcp.server.jobs.JobEvent;
import dev.statamcp.server.jobs.JobId;
import dev.statamcp.server.jobs.JobManager;
import dev.statamcp.server.jobs.JobRejectedException;
import dev.statamcp.server.jobs.UnknownJobException;
import dev.statamcp.server.store.JobStore.JobFilter;
import dev.statamcp.server.tools.StoredResult;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Jobs as MCP tasks: the task id is the job id, the task's state is the job's, and its result is the job's stored
 * tool result. Every job is a task, whoever started it, so a client can collect a result after a disconnect or a
 * restart, from another session or another process sharing the store.
 */
final class JobTaskBackend implements TaskBackend {
    /** Poll often while a run is young (most finish quickly), less once it has gone on for a while. */
    private static final Duration POLL_YOUNG = Duration.ofSeconds(1);
    private static final Duration POLL_OLD = Duration.ofSeconds(5);
    private static final Duration YOUNG = Duration.ofMinutes(1);

    private final Supplier<JobManager> jobs;
    private final Clock clock;
    private final AtomicBoolean following = new AtomicBoolean();
    private volatile Consumer<String> onEnd = id -> { };

    JobTaskBackend(Supplier<JobManager> jobs, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
    }

    /** Told the task id of every job this process ends (after its result is stored). */
    void onEnd(Consumer<String> listener) {
        this.onEnd = listener;
    }

    /**
     * Runs the tool itself with {@code background: true}: the job is checked and submitted exactly as a
     * synchronous call would submit it, and the call returns as soon as the job is recorded.
     */
    @Override
    public TaskStart start(ToolCall call, RequestContext context) throws Exception {
        if (!call.tool().inputSchema().path("properties").has("background")) {
            throw new McpException(JsonRpcError.METHOD_NOT_FOUND, "Tool '" + call.tool().name()
                    + "' cannot run as a task on this server; call it without params.task");
        }
        ObjectNode arguments = call.arguments().deepCopy();
        arguments.put("background", true);
        ToolResult accepted = ToolsFeature.run(new ToolCall(call.tool(), arguments, call.params()), context);
        JsonNode jobId = accepted.structuredContent() == null ? null : accepted.structuredContent().get("job_id");
        if (accepted.isError() || jobId == null || !JobId.isWellFormed(jobId.asText())) {
            return new TaskStart.Refused(accepted.toJson());
        }
        JobManager manager = manager();
        Job job = manager.find(new JobId(jobId.asText())).orElseThrow(() -> new IllegalStateException(
                "job " + jobId.asText() + " was submitted but is not in the store"));
        return new TaskStart.Started(state(manager, job), firstText(accepted));
    }

    @Override
    public Optional<TaskState> find(String taskId) {
        if (!JobId.isWellFormed(taskId)) {
            return Optional.empty();
        }
        JobManager manager = manager();
        return manager.find(new JobId(taskId)).map(job -> state(manager, job));
    }

    /** Newest first, keyset pages over the store. */
    @Override
    public TaskPage list(String cursor, int limit) {
        JobManager manager = manager();
        List<Job> rows;
        if (cursor == null) {
            rows = manager.store().list(JobFilter.newest(limit + 1));
        } else {
            JobCursor after = JobCursor.decode(cursor);
            rows = manager.store().listOlderThan(after.createdAt(), after.id(), limit + 1);
        }
        boolean more = rows.size() > limit;
        List<TaskState> tasks = new ArrayList<>();
        for (Job row : rows.subList(0, Math.min(limit, rows.size()))) {
            // The store holds a running job's position only every few seconds; the manager has it live.
            Job job = row.isTerminal() ? row : manager.find(row.id()).orElse(row);
            tasks.add(state(manager, job));
        }
        String next = more ? JobCursor.after(rows.get(limit - 1)).encode() : null;
        return new TaskPage(tasks, next);
    }

    @Override
    public CompletableFuture<TaskOutcome> outcome(String taskId) {
        if (!JobId.isWellFormed(taskId)) {
            return CompletableFuture.failedFuture(new NoSuchElementException(taskId));
        }
        JobId id = new JobId(taskId);
        JobManager manager = manager();
        return manager.whenFinished(id).handle((job, error) -> {
            if (error != null) {
                throw new CompletionException(translate(taskId, error));
            }
            return outcome(manager, job);
        });
    }

    /** Through the one cancel path; waits no longer than the grace period of Break plus a margin for the kill. */
    @Override
    public CompletableFuture<TaskState> cancel(String taskId, String reason) {
        if (!JobId.isWellFormed(taskId)) {
            return CompletableFuture.failedFuture(new NoSuchElementException(taskId));
        }
        JobManager manager = manager();
        long limitMs = manager.settings().cancelGrace().toMillis() + 10_000;
        return manager.cancel(new JobId(taskId), reason).orTimeout(limitMs, TimeUnit.MILLISECONDS)
                .handle((job, error) -> {
                    if (error != null) {
                        throw new CompletionException(translate(taskId, error));
                    }
                    return state(manager, job);
                });
    }

    /**
     * The stored tool result, delivered as a synchronous call and stata_job_result deliver it; a job whose result
     * was lost is an error.
     */
    private static TaskOutcome outcome(JobManager manager, Job job) {
        Optional<String> stored = manager.result(job.id());
        if (stored.isPresent()) {
            return new TaskOutcome.Result(StoredResult.toToolResult(stored.get()).toJson());
        }
        return new TaskOutcome.Failure(JsonRpcError.internal("job " + job.id() + " ended " + job.status().wireName()
                + " but no result was stored" + (job.summary() == null ? "" : ": " + job.summary())));
    }

    private TaskState state(JobManager manager, Job job) {
        String schedulerState = job.isTerminal() ? null
                : manager.view(job.id()).map(JobManager.LiveView::state).orElse(null);
        Duration keep = manager.settings().keepFor();
        return JobTaskState.of(job, schedulerState, keep == null || keep.isZero() || keep.isNegative() ? null : keep,
                pollInterval(job), clock.instant());
    }

    private Duration pollInterval(Job job) {
        return job.isTerminal() || Duration.between(job.createdAt(), clock.instant()).compareTo(YOUNG) < 0
                ? POLL_YOUNG : POLL_OLD;
    }

    private JobManager manager() {
        JobManager manager = jobs.get();
        if (following.compareAndSet(false, true)) {
            manager.watchAll(event -> {
                if (event instanceof JobEvent.Finished) {
                    onEnd.accept(event.job().value());
                }
            });
        }
        return manager;
    }

    private static Throwable translate(String taskId, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof UnknownJobException) {
            return new NoSuchElementException(taskId);
        }
        if (cause instanceof JobRejectedException) {
            return new McpException(JsonRpcError.internal(cause.getMessage()));
        }
        return cause;
    }

    private static String firstText(ToolResult result) {
        return result.content().isEmpty() ? null
                : result.content().get(0).toJson().path("text").asText(null);
    }
}
