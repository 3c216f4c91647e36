package dev.statamcp.mcp.tasks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.jsonrpc.Json;
import dev.statamcp.mcp.server.McpServer;
import dev.statamcp.mcp.session.ClientSession;
import dev.statamcp.mcp.session.SessionListener;
import java.time.Duration;
import java.util.Objects;

/**
 * MCP tasks over an application's {@link TaskBackend}, in both forms a client may speak (see {@link TaskForm}):
 *
 * <ul>
 *   <li>2025-11-25: capability {@code tasks} ({@code list}, {@code cancel}, {@code requests.tools.call}); a
 *       {@code tools/call} with {@code params.task} on a tool whose {@code execution.taskSupport} allows it is
 *       answered at once with a {@code CreateTaskResult}; {@code tasks/get}, {@code tasks/result} (blocks until the
 *       end, then the request's own answer with the related-task {@code _meta}), {@code tasks/list},
 *       {@code tasks/cancel}, and {@code notifications/tasks/status}.</li>
 *   <li>The {@code io.modelcontextprotocol/tasks} extension: declared under {@code capabilities.extensions}; a
 *       client that declares it gets a task ({@code resultType: "task"}) for every call to such a tool;
 *       {@code tasks/get} carries the result or error once ended, {@code tasks/update}, and {@code tasks/cancel}
 *       acknowledged with an empty result.</li>
 * </ul>
 *
 * A client that asks for neither never gets a task.
 */
public final class TasksFeature {
    private final TaskBackend backend;
    private final TaskNotifier notifier;
    private final TaskRequests requests;

    /**
     * @param pageSize   tasks per {@code tasks/list} page
     * @param cancelWait how long a 2025-11-25 {@code tasks/cancel} waits for the task to end (it must answer with
     *                   the task cancelled)
     */
    public record Settings(int pageSize, Duration cancelWait) {
        public Settings {
            if (pageSize < 1) {
                throw new IllegalArgumentException("page size must be at least 1");
            }
            Objects.requireNonNull(cancelWait, "cancelWait");
        }

        public static Settings defaults() {
            return new Settings(100, Duration.ofSeconds(30));
        }
    }

    public TasksFeature(TaskBackend backend, Settings settings) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.notifier = new TaskNotifier(backend);
        this.requests = new TaskRequests(backend, notifier, settings);
    }

    /** Declares the capabilities and adds the methods and the tool-call interceptor to a server being built. */
    public McpServer.Builder install(McpServer.Builder builder) {
        ObjectNode tasks = Json.object();
        tasks.putObject("list");
        tasks.putObject("cancel");
        tasks.putObject("requests").putObject("tools").putObject("call");
        ObjectNode extensions = Json.object();
        extensions.putObject(TaskForm.EXTENSION_ID);
        return builder
                .capability("tasks", tasks)
                .capability("extensions", extensions)
                .toolCallInterceptor(new TaskCallInterceptor(backend, notifier))
                .requestHandler("tasks/get", requests::get)
                .requestHandler("tasks/result", requests::result)
                .requestHandler("tasks/list", requests::list)
                .requestHandler("tasks/cancel", requests::cancel)
                .requestHandler("tasks/update", requests::update)
                .sessionListener(new SessionListener() {
                    @Override
                    public void closed(ClientSession session) {
                        notifier.sessionClosed(session);
                    }
                });
    }

    /**
     * The application calls this when a task may have changed status; the sessions following it hear of a change
     * ({@code notifications/tasks/status}). Cheap when nobody follows the task.
     */
    public void statusChanged(String taskId) {
        notifier.statusChanged(taskId);
    }
}
