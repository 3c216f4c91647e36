package dev.statamcp.server.cli.progress;

import dev.statamcp.server.jobs.Job;
import dev.statamcp.server.jobs.JobEvent;
import dev.statamcp.server.jobs.JobId;
import dev.statamcp.server.jobs.JobManager;
import dev.statamcp.server.jobs.JobStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Follows one job of this process to its end: its log lines go to the display as they arrive (job events), and a
 * ticker hands the display the job's position a few times a second. Returns the ended job, whose result is
 * already stored.
 */
public final class JobFollower {
    /** Four frames a second: smooth enough for the clock and the bar, cheap on a shared machine. */
    public static final Duration FRAME_EVERY = Duration.ofMillis(250);

    private final JobManager jobs;
    private final RunDisplay display;
    private final Clock clock;

    public JobFollower(JobManager jobs, RunDisplay display, Clock clock) {
        this.jobs = jobs;
        this.display = display;
        this.clock = clock;
    }

    public Job follow(Job submitted) throws InterruptedException {
        JobId id = submitted.id();
        CompletableFuture<Job> ended = new CompletableFuture<>();
        Runnable stopWatching = jobs.watch(id, event -> {
            if (event instanceof JobEvent.Line line) {
                display.line(line.text());
            } else if (event instanceof JobEvent.Finished finished) {
                ended.complete(finished.finished());
            }
        });
        // The manager's own completion as well: covers a job that ended before the watch was set up.
        jobs.whenFinished(id).whenComplete((job, error) -> {
            if (job != null) {
                ended.complete(job);
            } else {
                ended.completeExceptionally(error);
            }
        });
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "progress-ticker");
            t.setDaemon(true);
            return t;
        });
        Instant submittedAt = clock.instant();
        ticker.scheduleAtFixedRate(() -> frame(id, submittedAt), 0, FRAME_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return ended.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("lost track of job " + id + ": " + e.getCause().getMessage(), e);
        } finally {
            ticker.shutdownNow();
            ticker.awaitTermination(1, TimeUnit.SECONDS);
            stopWatching.run();
            display.close();
        }
    }

    private void frame(JobId id, Instant submittedAt) {
        try {
            jobs.view(id).ifPresent(v -> {
                Instant from = v.status() == JobStatus.QUEUED || v.startedAt() == null ? submittedAt : v.startedAt();
                display.frame(new ProgressFrame(v.status(), Duration.between(from, clock.instant()),
                        v.progress().commandsDone(), v.progress().commandsTotal(), v.progress().lastLine(),
                        v.state()));
            });
        } catch (RuntimeException e) {
            // A frame is cosmetic: never let it end the ticker.
        }
    }
}
