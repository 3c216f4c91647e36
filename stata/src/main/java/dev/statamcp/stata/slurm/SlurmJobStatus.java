package dev.statamcp.stata.slurm;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The state of every task of a job at one moment. A single job has one task, number 0. */
public record SlurmJobStatus(SlurmJob job, List<TaskStatus> tasks) {

    private static final List<String> LABELS = List.of("queued", "running", "finished", "Stata error", "failed",
            "timed out", "cancelled");

    public SlurmJobStatus {
        tasks = List.copyOf(tasks);
    }

    /** True when every task has reached a final state. */
    public boolean terminal() {
        return tasks.stream().allMatch(t -> t.state().terminal());
    }

    public TaskStatus task(int task) {
        return tasks.stream().filter(t -> t.task() == task).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("job has no task " + task));
    }

    /**
     * One line for progress messages: the task's own description for a single job, counts per state for a sweep
     * ({@code 6 tasks: 2 running, 3 finished, 1 failed}).
     */
    public String summary() {
        if (!job.sweep()) {
            return tasks.get(0).state().describe();
        }
        Map<String, Long> counts = tasks.stream().collect(Collectors.groupingBy(t -> label(t.state()),
                Collectors.counting()));
        return tasks.size() + " tasks: " + LABELS.stream().filter(counts::containsKey)
                .map(label -> counts.get(label) + " " + label).collect(Collectors.joining(", "));
    }

    private static String label(TaskState state) {
        if (state instanceof TaskState.Queued) {
            return "queued";
        } else if (state instanceof TaskState.Running) {
            return "running";
        } else if (state instanceof TaskState.Succeeded) {
            return "finished";
        } else if (state instanceof TaskState.StataError) {
            return "Stata error";
        } else if (state instanceof TaskState.TimedOut) {
            return "timed out";
        } else if (state instanceof TaskState.Cancelled) {
            return "cancelled";
        }
        return "failed";
    }
}
