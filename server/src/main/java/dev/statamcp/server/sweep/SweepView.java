package dev.statamcp.server.sweep;

import dev.statamcp.server.jobs.Job;
import dev.statamcp.server.jobs.JobStatus;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep as it stands: its record and where each task is.
 *
 * @param tasks one per argument list, in order
 */
public record SweepView(SweepRecord record, List<TaskView> tasks) {

    public SweepView {
        tasks = List.copyOf(tasks);
    }

    /**
     * One task: its job when it has one. A task without a job is queued (waiting for a free slot), failed (it
     * could not be started: {@code error}), cancelled (the sweep was cancelled first) or interrupted (the server
     * coordinating it stopped first).
     */
    public record TaskView(int task, List<String> args, Job job, JobStatus status, String error) {
        public boolean terminal() {
            return status.isTerminal();
        }
    }

    public boolean terminal() {
        return tasks.stream().allMatch(TaskView::terminal);
    }

    public long done() {
        return tasks.stream().filter(TaskView::terminal).count();
    }

    public Map<JobStatus, Long> counts() {
        Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
        tasks.forEach(t -> counts.merge(t.status(), 1L, Long::sum));
        return counts;
    }

    /**
     * The sweep's own status: running until every task has ended; then succeeded when all did, failed when any
     * failed, timed out or was interrupted, else cancelled.
     */
    public JobStatus status() {
        if (!terminal()) {
            return tasks.stream().anyMatch(t -> t.status() == JobStatus.RUNNING) ? JobStatus.RUNNING
                    : JobStatus.QUEUED;
        }
        Map<JobStatus, Long> c = counts();
        if (c.getOrDefault(JobStatus.SUCCEEDED, 0L) == tasks.size()) {
            return JobStatus.SUCCEEDED;
        }
        if (c.containsKey(JobStatus.FAILED) || c.containsKey(JobStatus.TIMED_OUT)
                || c.containsKey(JobStatus.INTERRUPTED)) {
            return JobStatus.FAILED;
        }
        return JobStatus.CANCELLED;
    }
}
