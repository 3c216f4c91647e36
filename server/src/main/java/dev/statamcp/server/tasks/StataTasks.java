package dev.statamcp.server.tasks;

import dev.statamcp.mcp.server.McpServer;
import dev.statamcp.mcp.tasks.TasksFeature;
import dev.statamcp.server.jobs.JobManager;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * MCP tasks for the Stata tools: a task-augmented {@code stata_run} or {@code stata_run_file} (the tools whose
 * {@code execution.taskSupport} is optional) becomes a background job, and the job id is the task id.
 */
public final class StataTasks {
    /**
     * A safety net only: the backend's own limit (Break grace period plus 10 s for the kill) ends the wait of
     * {@code tasks/cancel} first.
     */
    private static final Duration CANCEL_WAIT = Duration.ofMinutes(10);

    private StataTasks() {
    }

    public static TasksFeature install(McpServer.Builder builder, Supplier<JobManager> jobs, Clock clock) {
        JobTaskBackend backend = new JobTaskBackend(jobs, clock);
        TasksFeature feature = new TasksFeature(backend, new TasksFeature.Settings(100, CANCEL_WAIT));
        backend.onEnd(feature::statusChanged);
        feature.install(builder);
        return feature;
    }
}
