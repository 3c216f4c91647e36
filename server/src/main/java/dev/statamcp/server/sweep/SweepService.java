package dev.statamcp.server.sweep;

import dev.statamcp.server.cluster.ClusterExecutor;
import dev.statamcp.server.cluster.ClusterOptions;
import dev.statamcp.server.jobs.Job;
import dev.statamcp.server.jobs.JobId;
import dev.statamcp.server.jobs.JobKind;
import dev.statamcp.server.jobs.JobManager;
import dev.statamcp.server.jobs.JobRejectedException;
import dev.statamcp.server.jobs.JobSpec;
import dev.statamcp.server.jobs.JobStatus;
import dev.statamcp.server.store.ProcessOwner;
import dev.statamcp.stata.pool.SessionPool;
import dev.statamcp.stata.slurm.SlurmClient;
import dev.statamcp.stata.slurm.SlurmException;
import dev.statamcp.stata.slurm.SlurmJob;
import dev.statamcp.stata.slurm.SlurmJobRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a do-file once per argument list. Every task is a job of the job store (so {@code stata_job_status},
 * {@code _wait}, {@code _result} and {@code _cancel} work on it) labelled {@code <sweep id>-<task>}; the sweep
 * itself is a small record tying the tasks together. On the cluster the tasks are one Slurm job array; locally each
 * task runs in a fresh console session of the pool, a few at a time ({@link LocalSweep}).
 */
public final class SweepService {
    private static final Logger LOG = LoggerFactory.getLogger(SweepService.class);

    private final JobManager jobs;
    private final Supplier<SessionPool> pool;
    private final ClusterExecutor cluster;
    private final SweepFiles files;
    private final Clock clock;
    private final ProcessOwner me = ProcessOwner.current();
    private final Map<SweepId, LocalSweep> local = new ConcurrentHashMap<>();

    /**
     * @param cluster the cluster executor when the server runs with {@code --executor slurm}, else null
     */
    public SweepService(JobManager jobs, Supplier<SessionPool> pool, ClusterExecutor cluster, Path dataDir,
                        Clock clock) {
        this.jobs = jobs;
        this.pool = pool;
        this.cluster = cluster != null && cluster.acceptsNewJobs() ? cluster : null;
        this.files = new SweepFiles(dataDir);
        this.clock = clock;
    }

    /** The mode a sweep gets when the call names none: the cluster when the server runs with it. */
    public SweepMode defaultMode() {
        return cluster != null ? SweepMode.CLUSTER : SweepMode.LOCAL;
    }

    /**
     * Starts a sweep and returns it with its tasks' jobs.
     *
     * @throws JobRejectedException when it cannot start (no cluster, Slurm refused the array, no Stata session
     *         free); the message says what to do
     */
    public SweepView start(SweepRequest request, String origin) {
        if (jobs.isDraining()) {
            throw new JobRejectedException("the server is shutting down and takes no new jobs");
        }
        SweepMode mode = request.mode() != null ? request.mode() : defaultMode();
        SweepId id = SweepId.next(clock.millis());
        SweepRecord record = new SweepRecord(id.value(), mode, request.doFile().toString(), request.cwd().toString(),
                request.argLists(), request.maxParallel(), clock.millis(), origin, null, null, null, null, me.pid(),
                me.startedAtMillis());
        return mode == SweepMode.CLUSTER ? startOnCluster(record, request) : startLocally(record, request);
    }

    private SweepView startOnCluster(SweepRecord record, SweepRequest request) {
        if (cluster == null) {
            throw new JobRejectedException("cluster sweeps need the server started with --executor slurm; run it"
                    + " with mode=local to use this machine's Stata sessions");
        }
        SlurmJob array;
        try {
            // Checked first, so that a bad option is refused before anything is submitted.
            var resources = ClusterOptions.resources(request.cluster(), request.timeoutSeconds());
            files.save(record); // before sbatch: the array's run folder and this record name each other
            SlurmClient client = cluster.client();
            array = client.submit(SlurmJobRequest.sweep(record.id(), request.doFile(), request.cwd(),
                    request.argLists(), request.maxParallel(), resources));
        } catch (SlurmException | IllegalArgumentException | IllegalStateException e) {
            files.save(record.withStopped("not submitted: " + e.getMessage()));
            throw new JobRejectedException(e.getMessage());
        }
        record = record.withSlurmJobId(array.slurmJobId());
        files.save(record);
        for (int task = 0; task < record.taskCount(); task++) {
            Map<String, String> options = new HashMap<>(request.cluster());
            options.put(ClusterOptions.SWEEP_ID, record.id());
            options.put(ClusterOptions.SWEEP_TASK, Integer.toString(task));
            JobSpec spec = new JobSpec(JobKind.CLUSTER, record.sweepId().taskLabel(task), null,
                    request.doFile().toString(), request.cwd().toString(), request.argLists().get(task),
                    request.timeoutSeconds(), request.output(), request.maxOutputChars(), options);
            try {
                record = record.withTaskJob(task, jobs.submit(spec, record.origin()).id().value());
            } catch (RuntimeException e) {
                record = record.withTaskError(task, e.getMessage());
                cancelQuietly(array, task);
            }
        }
        files.save(record);
        LOG.info("sweep {}: {} tasks as Slurm job array {}", record.id(), record.taskCount(), array.slurmJobId());
        return view(record);
    }

    private SweepView startLocally(SweepRecord record, SweepRequest request) {
        SessionPool p;
        try {
            p = pool.get();
        } catch (RuntimeException e) {
            throw new JobRejectedException(e.getMessage());
        }
        int free = p.settings().maxSessions() - p.list().size();
        if (free <= 0) {
            throw new JobRejectedException("every Stata session this server may open is in use ("
                    + p.settings().maxSessions() + "): a local sweep runs each task in a session of its own. Close"
                    + " one with stata_session, raise --max-sessions, or run the sweep on the cluster");
        }
        // Default: as many at once as sessions are free now; never more than the pool allows.
        int parallel = Math.min(record.taskCount(), Math.min(p.settings().maxSessions(),
                request.maxParallel() != null ? request.maxParallel() : free));
        files.save(record);
        LocalSweep sweep = new LocalSweep(record, request, jobs, pool, files, parallel,
                s -> local.remove(s.id(), s));
        local.put(record.sweepId(), sweep);
        sweep.start();
        LOG.info("sweep {}: {} tasks in local sessions, {} at a time", record.id(), record.taskCount(), parallel);
        return view(sweep.record());
    }

    /** Deletes sweep records older than {@code keepFor} (housekeeping, beside the job store's pruning). */
    public int prune(java.time.Duration keepFor) {
        return files.deleteOlderThan(clock.millis() - keepFor.toMillis());
    }

    /** The sweep as it stands, or empty when there is none with this id. */
    public Optional<SweepView> find(SweepId id) {
        LocalSweep live = local.get(id);
        Optional<SweepRecord> record = live != null ? Optional.of(live.record()) : files.load(id);
        return record.map(this::view);
    }

    /** Cancels every task not yet ended; returns the sweep, or empty when there is none with this id. */
    public Optional<SweepView> cancel(SweepId id, String reason) {
        LocalSweep live = local.get(id);
        if (live != null) {
            live.cancel(reason);
        }
        Optional<SweepRecord> record = live != null ? Optional.of(live.record()) : files.load(id);
        if (record.isEmpty()) {
            return Optional.empty();
        }
        if (record.get().mode() == SweepMode.CLUSTER && record.get().slurmJobId() != null && cluster != null) {
            // One scancel for the whole array takes effect at once; each task's job then confirms its own end.
            try {
                cluster.client().cancel(cluster.client().adopt(record.get().id(), record.get().slurmJobId()));
            } catch (SlurmException | RuntimeException e) {
                LOG.warn("could not cancel Slurm job array {}: {}", record.get().slurmJobId(), e.getMessage());
            }
        }
        if (live == null) {
            for (String job : record.get().taskJobs()) {
                if (job != null) {
                    jobs.cancel(new JobId(job), reason);
                }
            }
        }
        return Optional.of(view(record.get()));
    }

    private SweepView view(SweepRecord record) {
        boolean coordinated = record.mode() == SweepMode.CLUSTER || local.containsKey(record.sweepId())
                || new ProcessOwner(record.ownerPid(), record.ownerStartedAtMillis()).isAlive();
        List<SweepView.TaskView> tasks = new ArrayList<>();
        for (int task = 0; task < record.taskCount(); task++) {
            tasks.add(taskView(record, task, coordinated));
        }
        return new SweepView(record, tasks);
    }

    private SweepView.TaskView taskView(SweepRecord record, int task, boolean coordinated) {
        List<String> args = record.argLists().get(task);
        String jobId = record.taskJobs().get(task);
        String error = record.taskErrors().get(task);
        if (jobId != null) {
            return jobs.find(new JobId(jobId)).map(j -> new SweepView.TaskView(task, args, j, j.status(), null))
                    .orElseGet(() -> new SweepView.TaskView(task, args, null, JobStatus.FAILED, "its job " + jobId
                            + " is no longer in the job store (deleted as old)"));
        }
        if (error != null) {
            return new SweepView.TaskView(task, args, null, JobStatus.FAILED, error);
        }
        if (record.stopped() != null) {
            return new SweepView.TaskView(task, args, null, JobStatus.CANCELLED, "not started: " + record.stopped());
        }
        if (!coordinated) {
            return new SweepView.TaskView(task, args, null, JobStatus.INTERRUPTED, "not started: the server running"
                    + " this sweep (pid " + record.ownerPid() + ") stopped first");
        }
        return new SweepView.TaskView(task, args, null, JobStatus.QUEUED, null);
    }

    private void cancelQuietly(SlurmJob array, int task) {
        try {
            cluster.client().cancelTask(array, task);
        } catch (SlurmException | RuntimeException e) {
            LOG.warn("could not cancel task {} of Slurm job {}: {}", task, array.slurmJobId(), e.getMessage());
        }
    }
}
