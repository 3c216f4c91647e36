package dev.statamcp.server.sweep;

import dev.statamcp.server.jobs.Job;
import dev.statamcp.server.jobs.JobId;
import dev.statamcp.server.jobs.JobKind;
import dev.statamcp.server.jobs.JobManager;
import dev.statamcp.server.jobs.JobSpec;
import dev.statamcp.stata.pool.SessionPool;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a local sweep: each task in a fresh console session of the pool named after it ({@code <sweep id>-<task>}),
 * at most {@code parallel} at a time, the next one starting when one ends; a task's session is closed when its task
 * ends. A fresh session per task gives each task a clean Stata (no data, programs or macros left by the task before,
 * as in a batch run or a Slurm array task: a do-file behaves the same in either mode), keeps the user's own
 * sessions out of it, and gives the licence seat back as soon as the task is done. The pool's session limit
 * bounds how many run at once.
 */
final class LocalSweep {
    private static final Logger LOG = LoggerFactory.getLogger(LocalSweep.class);

    private final SweepRequest request;
    private final JobManager jobs;
    private final Supplier<SessionPool> pool;
    private final SweepFiles files;
    private final String origin;
    private final int parallel;
    private final Consumer<LocalSweep> onEnd;
    private SweepRecord record;
    private int next;
    private int running;
    private boolean stopped;

    LocalSweep(SweepRecord record, SweepRequest request, JobManager jobs, Supplier<SessionPool> pool,
               SweepFiles files, int parallel, Consumer<LocalSweep> onEnd) {
        this.record = record;
        this.request = request;
        this.jobs = jobs;
        this.pool = pool;
        this.files = files;
        this.origin = record.origin();
        this.parallel = parallel;
        this.onEnd = onEnd;
    }

    SweepId id() {
        return record.sweepId();
    }

    synchronized SweepRecord record() {
        return record;
    }

    /** Starts the first tasks. */
    void start() {
        startMore();
    }

    /** No further task starts; those running are cancelled (each ends {@code cancelled} with its partial log). */
    void cancel(String reason) {
        synchronized (this) {
            if (!stopped) {
                stopped = true;
                record = record.withStopped(reason);
                files.save(record);
            }
        }
        for (String id : record().taskJobs()) {
            if (id != null) {
                jobs.cancel(new JobId(id), reason);
            }
        }
        checkEnd();
    }

    private void startMore() {
        while (true) {
            int task;
            synchronized (this) {
                if (stopped || next >= record.taskCount() || running >= parallel) {
                    break;
                }
                if (running > 0 && !roomInPool()) {
                    break; // a session of this sweep will end and make room
                }
                task = next++;
                running++;
            }
            startTask(task);
        }
        checkEnd();
    }

    private boolean roomInPool() {
        SessionPool p = pool.get();
        return p.list().size() < p.settings().maxSessions();
    }

    private void startTask(int task) {
        String label = record.sweepId().taskLabel(task);
        JobSpec spec = new JobSpec(JobKind.FILE, label, null, request.doFile().toString(), request.cwd().toString(),
                request.argLists().get(task), request.timeoutSeconds(), request.output(), request.maxOutputChars(),
                Map.of());
        Job job;
        try {
            job = jobs.submit(spec, origin);
        } catch (RuntimeException e) {
            LOG.info("task {} of sweep {} could not start: {}", task, record.id(), e.getMessage());
            synchronized (this) {
                running--;
                record = record.withTaskError(task, e.getMessage());
                files.save(record);
            }
            return;
        }
        synchronized (this) {
            record = record.withTaskJob(task, job.id().value());
            files.save(record);
        }
        jobs.whenFinished(job.id()).whenComplete((ended, error) -> taskEnded(label));
    }

    private void taskEnded(String label) {
        try {
            pool.get().close(label);
        } catch (RuntimeException e) {
            LOG.warn("could not close the session {} of a finished sweep task: {}", label, e.getMessage());
        }
        synchronized (this) {
            running--;
        }
        startMore();
    }

    private void checkEnd() {
        boolean ended;
        synchronized (this) {
            ended = running == 0 && (stopped || next >= record.taskCount());
        }
        if (ended) {
            onEnd.accept(this);
        }
    }
}
