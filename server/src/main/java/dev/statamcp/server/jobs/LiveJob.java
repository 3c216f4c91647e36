package dev.statamcp.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statamcp.server.output.LineContent;
import dev.statamcp.server.store.JobStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job this process is running: its position, its watchers, and the bridge from executor callbacks to the store
 * and to watchers. Watchers are called on executor threads and must not block.
 */
final class LiveJob implements ExecutionListener {
    private static final Logger LOG = LoggerFactory.getLogger(LiveJob.class);

    private final JobId id;
    private final JobStore store;
    private final Clock clock;
    private final Duration persistEvery;
    private final List<Consumer<JobEvent>> watchers = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Job> finished = new CompletableFuture<>();
    private final AtomicReference<CancelRequest> cancel = new AtomicReference<>();
    private final Consumer<LiveJob> onStart;
    private final Consumer<JobEvent> everyone;

    private volatile Job job;
    private volatile ExecutionHandle handle;
    private volatile Instant startedAt;
    private volatile long commandsDone;
    private volatile Long commandsTotal;
    private volatile String lastLine;
    private volatile String state;
    private volatile Instant lastPersist = Instant.EPOCH;
    private volatile ScheduledFuture<?> timer;

    /**
     * @param onStart  called once the job has started (arms its time limit)
     * @param everyone receives every event of every job (resource notifications, the dashboard)
     */
    LiveJob(Job job, JobStore store, Clock clock, Duration persistEvery, Consumer<LiveJob> onStart,
            Consumer<JobEvent> everyone) {
        this.id = job.id();
        this.job = job;
        this.store = store;
        this.clock = clock;
        this.persistEvery = persistEvery;
        this.onStart = onStart;
        this.everyone = everyone;
        this.startedAt = job.startedAt();
    }

    JobId id() {
        return id;
    }

    Job job() {
        return job;
    }

    void attach(ExecutionHandle h) {
        this.handle = h;
    }

    ExecutionHandle handle() {
        return handle;
    }

    CompletableFuture<Job> finished() {
        return finished;
    }

    /** Records the first request to stop; later ones keep the first reason. Returns the request in force. */
    CancelRequest requestCancel(CancelRequest request) {
        cancel.compareAndSet(null, request);
        return cancel.get();
    }

    CancelRequest cancelRequest() {
        return cancel.get();
    }

    void setTimer(ScheduledFuture<?> t) {
        ScheduledFuture<?> old = timer;
        timer = t;
        if (old != null) {
            old.cancel(false);
        }
    }

    void stopTimer() {
        setTimer(null);
    }

    Instant startedAt() {
        return startedAt;
    }

    JobProgress progress() {
        return new JobProgress(commandsDone, commandsTotal, lastLine);
    }

    String state() {
        return state;
    }

    Runnable watch(Consumer<JobEvent> watcher) {
        watchers.add(watcher);
        return () -> watchers.remove(watcher);
    }

    void publish(JobEvent event) {
        try {
            everyone.accept(event);
        } catch (RuntimeException e) {
            LOG.warn("a job event listener failed on job {}: {}", id, e.toString());
        }
        for (Consumer<JobEvent> w : watchers) {
            try {
                w.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("a watcher of job {} failed: {}", id, e.toString());
            }
        }
    }

    void finish(Job ended) {
        stopTimer();
        job = ended;
        publish(new JobEvent.Finished(id, clock.instant(), ended));
        finished.complete(ended);
    }

    @Override
    public void onStarted(Instant at, Path log) {
        startedAt = at;
        if (store.markRunning(id, at, log)) {
            job = store.find(id).orElse(job);
            publish(new JobEvent.Started(id, at));
            onStart.accept(this);
        }
    }

    @Override
    public void onLine(String text, boolean echo, Instant at) {
        // Rules and box lines (----+----) say nothing about where the run is; the last line with words does.
        if (LineContent.hasLetterOrDigit(text)) {
            String shown = echo && text.startsWith(". ") ? text.substring(2) : text;
            lastLine = shown.length() > 300 ? shown.substring(0, 300) : shown;
        }
        publish(new JobEvent.Line(id, at, text, echo));
    }

    @Override
    public void onPosition(long done, Long total) {
        commandsDone = Math.max(commandsDone, done);
        if (total != null) {
            commandsTotal = total;
        }
        Instant now = clock.instant();
        publish(new JobEvent.Progress(id, now, progress(), state));
        if (Duration.between(lastPersist, now).compareTo(persistEvery) >= 0) {
            lastPersist = now;
            store.updateProgress(id, progress());
        }
    }

    @Override
    public void onState(String s) {
        state = s;
        publish(new JobEvent.Progress(id, clock.instant(), progress(), s));
    }

    @Override
    public void onExecutorFacts(JsonNode facts) {
        store.updateExecutor(id, facts);
    }
}
