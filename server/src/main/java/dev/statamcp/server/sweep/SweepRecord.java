package dev.statamcp.server.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What is kept of a sweep beside its tasks' jobs (which live in the job store like any job): the request, which job
 * runs which task, and for a cluster sweep the Slurm job array. Stored as {@code <data dir>/sweeps/<id>.json}, so
 * no change to the job store's schema is needed and a restarted server still shows the sweep.
 *
 * @param taskJobs   job id of each task, null while a local task waits for a free slot
 * @param taskErrors why a task could not be started (no job then), else null
 * @param stopped    why tasks still waiting will not start (the sweep was cancelled), else null
 * @param ownerPid   the server process coordinating a local sweep, with its start time (pids are reused)
 */
public record SweepRecord(String id, SweepMode mode, String path, String cwd, List<List<String>> argLists,
                          Integer maxParallel, long createdAtMillis, String origin, String slurmJobId,
                          List<String> taskJobs, List<String> taskErrors, String stopped, long ownerPid,
                          long ownerStartedAtMillis) {

    public SweepRecord {
        taskJobs = taskJobs == null ? nulls(argLists.size()) : Collections.unmodifiableList(new ArrayList<>(taskJobs));
        taskErrors = taskErrors == null ? nulls(argLists.size())
                : Collections.unmodifiableList(new ArrayList<>(taskErrors));
    }

    public int taskCount() {
        return argLists.size();
    }

    public SweepId sweepId() {
        return new SweepId(id);
    }

    SweepRecord withSlurmJobId(String value) {
        return new SweepRecord(id, mode, path, cwd, argLists, maxParallel, createdAtMillis, origin, value, taskJobs,
                taskErrors, stopped, ownerPid, ownerStartedAtMillis);
    }

    SweepRecord withTaskJob(int task, String jobId) {
        List<String> jobs = new ArrayList<>(taskJobs);
        jobs.set(task, jobId);
        return new SweepRecord(id, mode, path, cwd, argLists, maxParallel, createdAtMillis, origin, slurmJobId, jobs,
                taskErrors, stopped, ownerPid, ownerStartedAtMillis);
    }

    SweepRecord withTaskError(int task, String error) {
        List<String> errors = new ArrayList<>(taskErrors);
        errors.set(task, error);
        return new SweepRecord(id, mode, path, cwd, argLists, maxParallel, createdAtMillis, origin, slurmJobId,
                taskJobs, errors, stopped, ownerPid, ownerStartedAtMillis);
    }

    SweepRecord withStopped(String reason) {
        return new SweepRecord(id, mode, path, cwd, argLists, maxParallel, createdAtMillis, origin, slurmJobId,
                taskJobs, taskErrors, reason, ownerPid, ownerStartedAtMillis);
    }

    private static List<String> nulls(int n) {
        return Collections.unmodifiableList(new ArrayList<>(Collections.nCopies(n, null)));
    }
}
