package dev.statamcp.server.cluster;

import dev.statamcp.server.jobs.ExecutionHandle;
import dev.statamcp.server.jobs.ExecutionListener;
import dev.statamcp.server.jobs.ExecutionOutcome;
import dev.statamcp.server.jobs.ExecutionOutcome.Ending;
import dev.statamcp.stata.slurm.SlurmClient;
import dev.statamcp.stata.slurm.SlurmException;
import dev.statamcp.stata.slurm.SlurmJob;
import dev.statamcp.stata.slurm.TaskState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One task of a Slurm job followed for the job system: Slurm's state every poll interval (shared with the other
 * tasks of the same job array), the Stata log tailed from the shared filesystem every second, and the end turned
 * into an {@link ExecutionOutcome}. Cancel is {@code scancel}.
 *
 * <p>The job runs on without this server. When the server shuts down ({@link #kill()} without a cancel before it)
 * the run stops following but leaves the Slurm job alone and the job unfinished in the store, so the next server
 * re-adopts it instead of throwing away its place in the queue or hours of computation.
 */
final class ClusterRun implements ExecutionHandle {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterRun.class);
    static final Duration TAIL_EVERY = Duration.ofSeconds(1);

    private final Supplier<SlurmClient> client;
    private final StatusCache statuses;
    private final SlurmJob job;
    private final int task;
    private final Path keptLog;
    private final ExecutionListener listener;
    private final Duration poll;
    private final Clock clock;
    private final ScheduledExecutorService threads;
    private final String doFileText;
    private final ClusterLog log;
    private final CompletableFuture<ExecutionOutcome> outcome = new CompletableFuture<>();
    private final Runnable onEnd;

    private volatile ScheduledFuture<?> ticking;
    private volatile boolean started;
    private volatile Instant startedAt;
    private volatile boolean cancelRequested;
    private volatile String cancelFailure;
    private volatile boolean killRequested;
    private volatile boolean refreshNow = true;
    private Instant lastAsked = Instant.EPOCH;
    private String lastState;
    private String lastTrouble;

    /**
     * @param keptLog        where the log is copied when the task ends (the job's own folder)
     * @param alreadyStarted the job system has already seen it running (a re-adopted job)
     * @param onEnd          called once the run has stopped following, whatever the way
     */
    ClusterRun(Supplier<SlurmClient> client, StatusCache statuses, SlurmJob job, int task, Path keptLog,
               ExecutionListener listener, Duration poll, Clock clock, ScheduledExecutorService threads,
               Instant alreadyStarted, Runnable onEnd) {
        this.client = client;
        this.statuses = statuses;
        this.job = job;
        this.task = task;
        this.keptLog = keptLog;
        this.listener = listener;
        this.poll = poll;
        this.clock = clock;
        this.threads = threads;
        this.onEnd = onEnd;
        this.doFileText = readQuietly(job.doFile());
        this.log = new ClusterLog(job.logPath(task), doFileText, listener);
        if (alreadyStarted != null) {
            started = true;
            startedAt = alreadyStarted;
            log.startedAt(alreadyStarted);
        }
    }

    SlurmJob slurmJob() {
        return job;
    }

    int task() {
        return task;
    }

    /** Starts following (the first look at Slurm happens at once). */
    void follow() {
        long every = Math.min(TAIL_EVERY.toMillis(), poll.toMillis());
        ticking = threads.scheduleWithFixedDelay(this::tick, 0, every, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        if (outcome.isDone()) {
            stopTicking();
            return;
        }
        try {
            Instant now = clock.instant();
            if (refreshNow || !now.isBefore(lastAsked.plus(poll))) {
                refreshNow = false;
                lastAsked = now;
                TaskState state = askSlurm();
                if (state != null) {
                    onState(state, now);
                }
            }
            if (started && !outcome.isDone()) {
                log.poll(clock.instant());
            }
        } catch (RuntimeException e) {
            // A bug here must not end the job silently nor stop the schedule: report it and keep following.
            LOG.warn("following Slurm job {} failed: {}", job.slurmTaskId(task), e.toString(), e);
        }
    }

    private TaskState askSlurm() {
        try {
            TaskState state = statuses.get(job, poll).task(task).state();
            lastTrouble = null;
            return state;
        } catch (SlurmException e) {
            // The controller can be away for a while (restart, overload): the job runs on, so keep asking and say
            // why nothing moves, rather than fail a job that may be hours into its work.
            if (!e.getMessage().equals(lastTrouble)) {
                LOG.warn("cannot ask Slurm about job {} (will retry): {}", job.slurmTaskId(task), e.getMessage());
                lastTrouble = e.getMessage();
            }
            listener.onState("Slurm not answering, retrying: " + e.getMessage());
            lastState = null;
            return null;
        }
    }

    private void onState(TaskState state, Instant now) {
        if (state instanceof TaskState.Queued q) {
            say(q.describe());
            return;
        }
        if (state instanceof TaskState.Running r) {
            markStarted(startMarker().orElse(now));
            say(r.slurmState() + (r.node() == null ? "" : " on " + r.node()) + (r.note() == null ? ""
                    : "; " + r.note()));
            return;
        }
        // Ended between two looks: it ran if it left its start record (a job cancelled in the queue did not).
        startMarker().ifPresent(this::markStarted);
        finish(state);
    }

    private void markStarted(Instant at) {
        if (!started) {
            started = true;
            startedAt = at;
            log.startedAt(at);
            listener.onStarted(at, log.path());
        }
    }

    private void say(String state) {
        if (!state.equals(lastState)) {
            lastState = state;
            LOG.info("Slurm job {}: {}", job.slurmTaskId(task), state);
            listener.onState(state);
        }
    }

    private void finish(TaskState state) {
        LOG.info("Slurm job {} ended: {}", job.slurmTaskId(task), state.describe());
        OptionalInt rc = state instanceof TaskState.StataError e ? OptionalInt.of(e.rc())
                : state instanceof TaskState.Succeeded ? OptionalInt.of(0) : OptionalInt.empty();
        log.finish(rc);
        Path ownLog = log.found() || state instanceof TaskState.Succeeded || state instanceof TaskState.StataError
                ? log.path() : null;
        Path kept = keep(ownLog);
        Duration took = startedAt == null ? Duration.ZERO : Duration.between(startedAt, clock.instant());
        ExecutionOutcome end;
        try {
            end = ClusterOutcomes.of(state, started, ownLog, doFileText, took, kept);
        } catch (RuntimeException e) {
            end = new ExecutionOutcome(Ending.CRASHED, null, "the cluster job ended (" + state.describe()
                    + ") but its result could not be read: " + e.getMessage(), null, null, List.of(), List.of(),
                    took, kept);
        }
        complete(end);
    }

    /** A copy in the job's folder: a later run of the same do-file must not change what this job's log says. */
    private Path keep(Path ownLog) {
        if (ownLog == null || !Files.isRegularFile(ownLog)) {
            return null;
        }
        try {
            Files.copy(ownLog, keptLog, StandardCopyOption.REPLACE_EXISTING);
            return keptLog;
        } catch (IOException e) {
            LOG.warn("could not keep a copy of the cluster log {}: {}", ownLog, e.getMessage());
            return ownLog;
        }
    }

    private java.util.Optional<Instant> startMarker() {
        try {
            String[] words = Files.readString(job.startedMarker(task), StandardCharsets.UTF_8).strip().split("\\s+");
            return words.length < 2 ? java.util.Optional.empty()
                    : java.util.Optional.of(Instant.ofEpochSecond(Long.parseLong(words[1])));
        } catch (IOException | NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private void complete(ExecutionOutcome end) {
        if (outcome.complete(end)) {
            stopTicking();
            onEnd.run();
        }
    }

    private void stopTicking() {
        ScheduledFuture<?> t = ticking;
        if (t != null) {
            t.cancel(false);
        }
    }

    /** scancel, off the caller's thread (the controller may be slow); the end arrives with the next look. */
    @Override
    public void requestBreak() {
        cancelRequested = true;
        threads.execute(() -> {
            try {
                if (job.sweep()) {
                    client.get().cancelTask(job, task);
                } else {
                    client.get().cancel(job);
                }
                cancelFailure = null;
            } catch (SlurmException | RuntimeException e) {
                cancelFailure = e.getMessage();
                LOG.warn("scancel {} failed: {}", job.slurmTaskId(task), e.getMessage());
                if (killRequested) {
                    endUncancelled(e.getMessage());
                }
            }
            statuses.invalidate(job.slurmJobId());
            refreshNow = true;
        });
    }

    /**
     * After a cancel: the job is taken as ended if scancel could not be delivered (saying so), else Slurm's
     * confirmation is awaited. Without a cancel it is the server shutting down: stop following, leave the job to
     * run and to be re-adopted.
     */
    @Override
    public void kill() {
        if (!cancelRequested) {
            LOG.info("no longer following Slurm job {}: the server stops; the job runs on and the next server"
                    + " re-adopts it", job.slurmTaskId(task));
            stopTicking();
            onEnd.run();
            return;
        }
        killRequested = true;
        String failure = cancelFailure;
        if (failure != null) {
            endUncancelled(failure);
            return;
        }
        refreshNow = true;
    }

    /**
     * The caller wanted the job stopped and scancel failed: stop following, and say how to finish the cancel. It
     * ends failed, not cancelled: for all this server knows the Slurm job still runs.
     */
    private void endUncancelled(String failure) {
        complete(new ExecutionOutcome(Ending.CRASHED, null, "stata-mcp could not"
                + " cancel Slurm job " + job.slurmTaskId(task) + " (" + failure + "); it may still run: cancel it"
                + " with scancel " + job.slurmTaskId(task), null, null, List.of(), List.of(),
                startedAt == null ? Duration.ZERO : Duration.between(startedAt, clock.instant()), null));
    }

    @Override
    public CompletableFuture<ExecutionOutcome> outcome() {
        return outcome;
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            try {
                return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            } catch (IOException again) {
                return "";
            }
        }
    }
}
