package dev.statamcp.server.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.server.cluster.ClusterOptions.SweepTask;
import dev.statamcp.server.jobs.ExecutionHandle;
import dev.statamcp.server.jobs.ExecutionListener;
import dev.statamcp.server.jobs.Job;
import dev.statamcp.server.jobs.JobExecutor;
import dev.statamcp.server.jobs.JobId;
import dev.statamcp.server.jobs.JobSpec;
import dev.statamcp.server.json.Json;
import dev.statamcp.stata.slurm.SlurmClient;
import dev.statamcp.stata.slurm.SlurmException;
import dev.statamcp.stata.slurm.SlurmJob;
import dev.statamcp.stata.slurm.SlurmJobRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * Runs {@code cluster} jobs on Slurm: a do-file becomes a batch job submitted with sbatch (options from the
 * settings, overridden by the call's {@code cluster} object), followed with scontrol (sacct, the job's files once
 * Slurm forgets it), cancelled with scancel, and re-adopted after a server restart from the facts stored with the
 * job. A sweep's tasks are the tasks of one job array that the sweep submitted; each task's job follows its own
 * array task. Submission happens in {@link #start}, so what Slurm refuses (no sbatch, controller unreachable,
 * unknown partition, rejected job) reaches the caller as the reason the job could not start.
 */
public final class ClusterExecutor implements JobExecutor, AutoCloseable {

    private final Supplier<SlurmClient> client;
    private final boolean acceptsNewJobs;
    private final Duration poll;
    private final Clock clock;
    private final StatusCache statuses;
    private final ScheduledExecutorService threads;
    /** Logs of single jobs this process follows: two runs writing one log would garble both. */
    private final Map<Path, JobId> liveLogs = new ConcurrentHashMap<>();

    /**
     * @param client         the Slurm client, made on first use (its settings may be incomplete)
     * @param acceptsNewJobs false when the server runs with {@code --executor local} and only re-adopts cluster
     *                       jobs an earlier server started
     * @param poll           how often Slurm is asked about a job
     */
    public ClusterExecutor(Supplier<SlurmClient> client, boolean acceptsNewJobs, Duration poll, Clock clock) {
        this.client = client;
        this.acceptsNewJobs = acceptsNewJobs;
        this.poll = poll;
        this.clock = clock;
        this.statuses = new StatusCache(client, clock);
        // A few threads: a Slurm command may block up to its timeout, and the other jobs' logs must keep moving.
        this.threads = Executors.newScheduledThreadPool(3, r -> {
            Thread t = new Thread(r, "slurm-follow");
            t.setDaemon(true);
            return t;
        });
    }

    /** The Slurm client (sweeps submit their job arrays with it). */
    public SlurmClient client() {
        return client.get();
    }

    public boolean acceptsNewJobs() {
        return acceptsNewJobs;
    }

    @Override
    public ExecutionHandle start(Job job, Path folder, ExecutionListener listener) {
        if (!acceptsNewJobs) {
            throw new IllegalStateException("cluster jobs need the server started with --executor slurm"
                    + " (executor = \"slurm\" in the config file); this server runs with --executor local");
        }
        JobSpec spec = job.spec();
        SweepTask sweepTask = ClusterOptions.sweepTask(spec);
        try {
            if (sweepTask != null) {
                SlurmJob array = client.get().adopt(sweepTask.sweepId());
                listener.onExecutorFacts(facts(array.jobId(), array.slurmJobId(), sweepTask.index(), true));
                return follow(job, array, sweepTask.index(), folder, listener, null);
            }
            Path doFile = Path.of(spec.path());
            Path cwd = spec.cwd() != null ? Path.of(spec.cwd()) : doFile.toAbsolutePath().getParent();
            SlurmJobRequest request = SlurmJobRequest.single(job.id().value(), doFile, cwd, spec.args(),
                    ClusterOptions.resources(spec.cluster(), spec.timeoutSeconds()));
            Path log = submittedLog(request);
            JobId other = liveLogs.putIfAbsent(log, job.id());
            if (other != null) {
                throw new IllegalStateException("cluster job " + other + " is running this do-file in " + cwd
                        + " and writing its log " + log + " there; a second run would overwrite it. Wait for it,"
                        + " use another working directory (cwd), or run several argument lists with stata_run_sweep");
            }
            // Recorded before sbatch: a server that dies while sbatch answers can still find the job by its name.
            listener.onExecutorFacts(facts(job.id().value(), null, 0, false));
            SlurmJob submitted;
            try {
                submitted = client.get().submit(request);
            } catch (SlurmException | RuntimeException e) {
                liveLogs.remove(log, job.id());
                throw e;
            }
            listener.onExecutorFacts(facts(submitted.jobId(), submitted.slurmJobId(), 0, false));
            listener.onState("submitted as Slurm job " + submitted.slurmJobId());
            return follow(job, submitted, 0, folder, listener, null);
        } catch (SlurmException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public ExecutionHandle adopt(Job job, Path folder, ExecutionListener listener) {
        JsonNode facts = job.executor();
        String runId = facts.path("run_id").asText(job.id().value());
        String slurmJobId = facts.hasNonNull("slurm_job_id") ? facts.get("slurm_job_id").asText() : null;
        int task = facts.path("task").asInt(0);
        try {
            SlurmJob slurmJob = slurmJobId == null ? client.get().adopt(runId)
                    : client.get().adopt(runId, slurmJobId);
            if (slurmJobId == null) {
                listener.onExecutorFacts(facts(runId, slurmJob.slurmJobId(), task, slurmJob.sweep()));
            }
            if (!slurmJob.sweep()) {
                liveLogs.put(slurmJob.logPath(0), job.id());
            }
            return follow(job, slurmJob, task, folder, listener, job.startedAt());
        } catch (SlurmException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private ExecutionHandle follow(Job job, SlurmJob slurmJob, int task, Path folder, ExecutionListener listener,
                                   java.time.Instant startedAt) {
        Path log = slurmJob.logPath(task);
        ClusterRun run = new ClusterRun(client, statuses, slurmJob, task, folder.resolve("stata.log"), listener,
                poll, clock, threads, startedAt, () -> liveLogs.remove(log, job.id()));
        run.follow();
        return run;
    }

    /** The log a single job writes, known before submission. */
    private static Path submittedLog(SlurmJobRequest request) {
        SlurmJob probe = new SlurmJob(request.jobId(), null, Path.of("/"), request.doFile(), request.workingDir(),
                1, false, 0);
        return probe.logPath(0);
    }

    /** What a later server needs to find the job again: its run folder, its Slurm id, which task. */
    static ObjectNode facts(String runId, String slurmJobId, int task, boolean sweep) {
        ObjectNode facts = Json.object();
        facts.put("executor", "slurm");
        facts.put("run_id", runId);
        if (slurmJobId != null) {
            facts.put("slurm_job_id", slurmJobId);
            facts.put("slurm_task_id", sweep ? slurmJobId + "_" + task : slurmJobId);
        }
        facts.put("task", task);
        facts.put("sweep", sweep);
        return facts;
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
