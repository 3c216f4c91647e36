package dev.statamcp.mcp.tasks;

import java.util.List;

/** One page of {@code tasks/list}; {@code nextCursor} is null on the last page. */
public record TaskPage(List<TaskState> tasks, String nextCursor) {
    public TaskPage {
        tasks = List.copyOf(tasks);
    }
}
