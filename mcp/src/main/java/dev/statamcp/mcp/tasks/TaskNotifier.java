package dev.statamcp.mcp.tasks;

import dev.statamcp.mcp.session.ClientSession;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@code notifications/tasks/status} (2025-11-25) to the sessions that created or asked about a task, when its
 * status changes. Optional in the spec, so best effort: a session gone by then simply misses it. The extension form
 * gets none: there they are sent only to clients that subscribe with {@code subscriptions/listen}, a method of the
 * 2026-07-28 lifecycle this server does not speak, so those clients poll {@code tasks/get}.
 */
final class TaskNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(TaskNotifier.class);

    /** A task someone listens to, with the status they last heard of. */
    private static final class Followed {
        final Set<ClientSession> sessions = ConcurrentHashMap.newKeySet();
        volatile TaskStatus lastStatus;

        Followed(TaskStatus status) {
            this.lastStatus = status;
        }
    }

    private final TaskBackend backend;
    private final Map<String, Followed> followed = new ConcurrentHashMap<>();

    TaskNotifier(TaskBackend backend) {
        this.backend = backend;
    }

    /** {@code session} hears of the task's next status changes (until it ends). */
    void follow(TaskState state, ClientSession session) {
        if (state.isTerminal() || session == null) {
            return;
        }
        followed.compute(state.taskId(), (id, f) -> {
            Followed entry = f != null ? f : new Followed(state.status());
            entry.sessions.add(session);
            return entry;
        });
    }

    /** Sends the task's state to its followers if its status differs from what they last heard. */
    void statusChanged(String taskId) {
        Followed f = followed.get(taskId);
        if (f == null) {
            return;
        }
        Optional<TaskState> state = backend.find(taskId);
        if (state.isEmpty()) {
            followed.remove(taskId);
            return;
        }
        TaskState now = state.get();
        synchronized (f) {
            if (now.status() == f.lastStatus) {
                return;
            }
            f.lastStatus = now.status();
        }
        if (now.isTerminal()) {
            followed.remove(taskId);
        }
        for (ClientSession session : f.sessions) {
            if (!session.isOpen()) {
                f.sessions.remove(session);
                continue;
            }
            try {
                session.notify("notifications/tasks/status", TaskWire.task(now));
            } catch (RuntimeException e) {
                LOG.debug("could not tell {} about task {}", session.id(), taskId, e);
            }
        }
    }

    /** Forgets a closed session everywhere. */
    void sessionClosed(ClientSession session) {
        for (String taskId : followed.keySet()) {
            followed.computeIfPresent(taskId, (id, f) -> {
                f.sessions.remove(session);
                return f.sessions.isEmpty() ? null : f;
            });
        }
    }
}
