package dev.statamcp.server.jobs;

import dev.statamcp.server.jobs.ExecutionOutcome.Ending;
import dev.statamcp.server.store.JobStore;
import dev.statamcp.server.store.JobStore.Completion;
import dev.statamcp.server.store.JobStore.JobFilter;
import dev.statamcp.server.store.ProcessOwner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every Stata run is a job, and every job goes through here: stored (queued) before it is handed to an executor,
 * stored again when it ends — before anyone is told — and stopped through one {@link #cancel} path whoever asks
 * (an MCP cancellation, a task cancel, a tool, the REST API, a timeout).
 */
public final class JobManager implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobManager.class);

    private final JobStore store;
    private final JobFolders folders;
    private final Map<JobKind, JobExecutor> executors;
    private final ResultRenderer renderer;
    private final JobSettings settings;
    private final Clock clock;
    private final ProcessOwner me = ProcessOwner.current();
    private final Map<JobId, LiveJob> live = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "job-timers");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Object> submitLocks = new ConcurrentHashMap<>();
    private final List<Consumer<JobEvent>> everyone = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean draining;

    public JobManager(JobStore store, JobFolders folders, Map<JobKind, JobExecutor> executors,
                      ResultRenderer renderer, JobSettings settings, Clock clock) {
        this.store = store;
        this.folders = folders;
        this.executors = Map.copyOf(executors);
        this.renderer = renderer;
        this.settings = settings;
        this.clock = clock;
    }

    public JobStore store() {
        return store;
    }

    public JobFolders folders() {
        return folders;
    }

    public JobSettings settings() {
        return settings;
    }

    public boolean supports(JobKind kind) {
        return executors.containsKey(kind);
    }

    /**
     * Stores the job as queued, then hands it to its executor. The returned job is the stored row. For one session,
     * creating the job and queueing it happen together, so job ids (which sort by creation) follow the queue order.
     */
    public Job submit(JobSpec spec, String origin) {
        synchronized (submitLocks.computeIfAbsent(spec.kind() + "/" + spec.session(), k -> new Object())) {
            return submitInOrder(spec, origin);
        }
    }

    private Job submitInOrder(JobSpec spec, String origin) {
        if (draining) {
            throw new JobRejectedException("the server is shutting down and takes no new jobs; "
                    + "collect running jobs' results later with stata_job_result");
        }
        JobExecutor executor = executors.get(spec.kind());
        if (executor == null) {
            throw new JobRejectedException(spec.kind().wireName() + " jobs are not available in this server"
                    + (spec.kind() == JobKind.CLUSTER ? " (start it with --executor slurm)" : ""));
        }
        Instant now = clock.instant();
        JobId id = JobId.next(now.toEpochMilli());
        Path folder = folders.create(id);
        Job job = new Job(id, spec, origin, JobStatus.QUEUED, now, null, null, null, null, null, null, null,
                null, null, null, me.pid());
        store.insert(job, me);
        LiveJob lj = new LiveJob(job, store, clock, settings.persistEvery(), this::armTimeout, this::toEveryone);
        live.put(id, lj);
        try {
            lj.attach(executor.start(job, folder, lj));
        } catch (RuntimeException e) {
            // Recorded as failed rather than dropped: the caller gets the reason, the store keeps the attempt.
            LOG.info("job {} was not accepted: {}", id, e.getMessage());
            end(lj, new ExecutionOutcome(Ending.CRASHED, null, e.getMessage(), null, null, null, null, null, null));
            throw new JobRejectedException(e.getMessage());
        }
        if (lj.cancelRequest() != null) { // cancelled while the executor was still accepting it
            lj.handle().requestBreak();
        }
        lj.handle().outcome().whenComplete((outcome, error) -> end(lj, outcome != null ? outcome
                : new ExecutionOutcome(Ending.CRASHED, null, "the executor failed: " + error, null, null, null,
                null, null, null)));
        return job;
    }

    public Optional<Job> find(JobId id) {
        LiveJob lj = live.get(id);
        return lj != null ? Optional.of(withLiveProgress(lj)) : store.find(id);
    }

    public List<Job> list(JobFilter filter) {
        return store.list(filter).stream().map(j -> {
            LiveJob lj = live.get(j.id());
            return lj == null ? j : withLiveProgress(lj);
        }).toList();
    }

    /** The stored tool result of an ended job (JSON text), exactly as it was or would have been delivered. */
    public Optional<String> result(JobId id) {
        return store.result(id);
    }

    /** Live facts for progress messages: when it started, position, last line, scheduler state. */
    public Optional<LiveView> view(JobId id) {
        LiveJob lj = live.get(id);
        return lj == null ? Optional.empty()
                : Optional.of(new LiveView(lj.job().status(), lj.startedAt(), lj.progress(), lj.state()));
    }

    /**
     * Follows a job's events. A job that has already ended gets its {@link JobEvent.Finished} at once. Returns
     * what stops the watching.
     */
    public Runnable watch(JobId id, Consumer<JobEvent> watcher) {
        LiveJob lj = live.get(id);
        if (lj != null) {
            Runnable stop = lj.watch(watcher);
            if (lj.finished().isDone()) { // ended between the lookup and the subscription
                watcher.accept(new JobEvent.Finished(id, clock.instant(), lj.finished().join()));
            }
            return stop;
        }
        store.find(id).filter(Job::isTerminal)
                .ifPresent(j -> watcher.accept(new JobEvent.Finished(id, clock.instant(), j)));
        return () -> { };
    }

    /** Follows every job this process runs (for resource notifications and the dashboard). */
    public Runnable watchAll(Consumer<JobEvent> listener) {
        everyone.add(listener);
        return () -> everyone.remove(listener);
    }

    private void toEveryone(JobEvent event) {
        for (Consumer<JobEvent> l : everyone) {
            l.accept(event);
        }
    }

    /**
     * Completes with the ended job once its result is stored. Jobs run by another server process sharing the
     * store are followed by reading the store.
     */
    public CompletableFuture<Job> whenFinished(JobId id) {
        LiveJob lj = live.get(id);
        if (lj != null) {
            return lj.finished();
        }
        Optional<Job> stored = store.find(id);
        if (stored.isEmpty()) {
            return CompletableFuture.failedFuture(new UnknownJobException(id));
        }
        if (stored.get().isTerminal()) {
            return CompletableFuture.completedFuture(stored.get());
        }
        CompletableFuture<Job> done = new CompletableFuture<>();
        var poll = timers.scheduleWithFixedDelay(() -> store.find(id).filter(Job::isTerminal)
                .ifPresent(done::complete), 500, 500, TimeUnit.MILLISECONDS);
        done.whenComplete((j, e) -> poll.cancel(false));
        return done;
    }

    /**
     * Stops a job: Break first (the session and its data survive), then, if Stata has not stopped within the
     * grace period, the whole process tree is killed and the session restarted. The job ends {@code cancelled}
     * (or {@code timed_out} for its own limit) with its partial log kept. A job that already ended is returned
     * as it is.
     */
    public CompletableFuture<Job> cancel(JobId id, String reason) {
        return stop(id, new CancelRequest(reason, CancelRequest.Cause.CANCEL));
    }

    private CompletableFuture<Job> stop(JobId id, CancelRequest request) {
        LiveJob lj = live.get(id);
        if (lj == null) {
            Optional<Job> stored = store.find(id);
            if (stored.isEmpty()) {
                return CompletableFuture.failedFuture(new UnknownJobException(id));
            }
            if (!stored.get().isTerminal()) {
                return CompletableFuture.failedFuture(new JobRejectedException("job " + id
                        + " is run by another stata-mcp process (pid " + stored.get().ownerPid()
                        + "); cancel it through that server"));
            }
            return CompletableFuture.completedFuture(stored.get());
        }
        lj.requestCancel(request);
        ExecutionHandle handle = lj.handle();
        if (handle != null) {
            LOG.info("stopping job {}: {}", id, request.reason());
            handle.requestBreak();
            long graceMs = settings.cancelGrace().toMillis();
            // A Break can be lost: Stata still reading the run's first lines drops it, as it does at its prompt. Ask
            // once more halfway through the grace, since the kill that follows loses the session's data.
            var again = timers.schedule(() -> {
                if (!lj.finished().isDone()) {
                    handle.requestBreak();
                }
            }, graceMs / 2, TimeUnit.MILLISECONDS);
            var kill = timers.schedule(() -> {
                if (!lj.finished().isDone()) {
                    LOG.info("job {} did not stop within {} ms of Break; killing its Stata", id, graceMs);
                    handle.kill();
                }
            }, graceMs, TimeUnit.MILLISECONDS);
            lj.finished().whenComplete((j, e) -> {
                again.cancel(false);
                kill.cancel(false);
            });
        }
        return lj.finished();
    }

    private void armTimeout(LiveJob lj) {
        Integer seconds = lj.job().spec().timeoutSeconds();
        Duration limit = seconds != null ? Duration.ofSeconds(seconds) : settings.defaultTimeout();
        if (limit == null || limit.isZero() || limit.isNegative()) {
            return;
        }
        lj.setTimer(timers.schedule(() -> stop(lj.id(), new CancelRequest("time limit of "
                + limit.toSeconds() + " s reached", CancelRequest.Cause.TIMEOUT)), limit.toMillis(),
                TimeUnit.MILLISECONDS));
    }

    /** Decides the status, stores the end, and only then tells watchers. */
    void end(LiveJob lj, ExecutionOutcome outcome) {
        if (lj.finished().isDone()) {
            return;
        }
        CancelRequest cancel = lj.cancelRequest();
        JobStatus status = statusOf(outcome, cancel);
        String reason = cancel != null && status != JobStatus.SUCCEEDED && status != JobStatus.FAILED
                ? cancel.reason() : null;
        Job current = store.find(lj.id()).orElse(lj.job());
        Completion completion;
        try {
            completion = renderer.render(current, status, outcome, reason);
        } catch (RuntimeException e) {
            LOG.error("rendering the result of job {} failed", lj.id(), e);
            completion = new Completion(status, clock.instant(), outcome.rc(), null,
                    "result could not be rendered: " + e.getMessage(), null, List.of(), reason, lj.progress(),
                    outcome.log());
        }
        store.complete(lj.id(), completion);
        Job ended = store.find(lj.id()).orElse(current);
        live.remove(lj.id());
        lj.finish(ended);
    }

    static JobStatus statusOf(ExecutionOutcome outcome, CancelRequest cancel) {
        return switch (outcome.ending()) {
            case SUCCEEDED -> JobStatus.SUCCEEDED;
            case STATA_ERROR, CRASHED, TERMINATED -> JobStatus.FAILED;
            case TIME_LIMIT -> JobStatus.TIMED_OUT;
            case BROKEN, KILLED, NOT_STARTED -> cancel == null ? JobStatus.CANCELLED : switch (cancel.cause()) {
                case CANCEL -> JobStatus.CANCELLED;
                case TIMEOUT -> JobStatus.TIMED_OUT;
                case SHUTDOWN -> JobStatus.INTERRUPTED;
            };
        };
    }

    /** Takes over, at start, the jobs left unfinished by server processes that are gone. */
    public JobRecovery.Report recover() {
        return new JobRecovery(store, folders, executors, me, clock, renderer, this::adopted).run();
    }

    private void adopted(Job job, Path folder, JobExecutor executor) {
        LiveJob lj = new LiveJob(job, store, clock, settings.persistEvery(), this::armTimeout, this::toEveryone);
        live.put(job.id(), lj);
        lj.attach(executor.adopt(job, folder, lj));
        lj.handle().outcome().whenComplete((outcome, error) -> end(lj, outcome != null ? outcome
                : new ExecutionOutcome(Ending.CRASHED, null, "the executor failed: " + error, null, null, null,
                null, null, null)));
    }

    /** Deletes ended jobs beyond the retention settings, with their folders. */
    public int prune() {
        List<JobId> deleted = store.prune(clock.instant().minus(settings.keepFor()), settings.keepAtMost());
        for (JobId id : deleted) {
            try {
                folders.delete(id);
            } catch (IOException e) {
                LOG.warn("could not delete the folder of pruned job {}: {}", id, e.getMessage());
            }
        }
        return deleted.size();
    }

    /** Jobs this process is running or has queued. */
    public int liveCount() {
        return live.size();
    }

    /**
     * Stops taking new jobs and waits up to {@code max} for the running ones to end (their results are stored as
     * they end). Returns the number still running when the wait ended.
     */
    public int drain(Duration max) {
        draining = true;
        Instant deadline = clock.instant().plus(max);
        for (LiveJob lj : List.copyOf(live.values())) {
            long left = Duration.between(clock.instant(), deadline).toMillis();
            if (left <= 0) {
                break;
            }
            try {
                lj.finished().get(left, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                // timed out or interrupted: counted below
            }
        }
        return live.size();
    }

    /**
     * Stops every job this process runs, at once (no Break first: the server is going away), and waits up to
     * {@code max} for their ends to be stored. They end {@code interrupted} with their partial logs.
     */
    public void interruptAll(String reason, Duration max) {
        draining = true;
        List<LiveJob> all = List.copyOf(live.values());
        for (LiveJob lj : all) {
            lj.requestCancel(new CancelRequest(reason, CancelRequest.Cause.SHUTDOWN));
            if (lj.handle() != null) {
                lj.handle().kill();
            }
        }
        Instant deadline = clock.instant().plus(max);
        for (LiveJob lj : all) {
            long left = Duration.between(clock.instant(), deadline).toMillis();
            try {
                lj.finished().get(Math.max(1, left), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                // counted by the next server's recovery
            }
        }
    }

    public boolean isDraining() {
        return draining;
    }

    private Job withLiveProgress(LiveJob lj) {
        Job j = lj.job();
        return new Job(j.id(), j.spec(), j.origin(), j.status(), j.createdAt(), lj.startedAt(), j.finishedAt(),
                j.rc(), j.error(), j.summary(), lj.progress(), j.logPath(), j.graphs(), j.executor(),
                j.cancelReason(), j.ownerPid());
    }

    @Override
    public void close() {
        timers.shutdownNow();
    }

    /** What a running job looks like right now. */
    public record LiveView(JobStatus status, Instant startedAt, JobProgress progress, String state) {
    }
}
