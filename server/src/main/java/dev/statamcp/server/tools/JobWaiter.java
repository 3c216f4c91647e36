package dev.statamcp.server.tools;

import dev.statamcp.mcp.server.RequestContext;
import dev.statamcp.server.jobs.Job;
import dev.statamcp.server.jobs.JobEvent;
import dev.statamcp.server.jobs.JobId;
import dev.statamcp.server.jobs.JobManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Waits on a job for a tool call, keeping the caller informed with progress and log notifications, until the job
 * ends, the deadline passes, the call is cancelled or the client goes away. The job itself never depends on the
 * wait: it runs on and its result is stored whatever happens here.
 */
final class JobWaiter {
    /** At most this many progress notifications per second on bursts of output (about 4). */
    static final Duration MIN_GAP = Duration.ofMillis(250);

    private final JobManager jobs;
    private final Duration heartbeat;
    private final Clock clock;

    JobWaiter(JobManager jobs, Duration heartbeat, Clock clock) {
        this.jobs = jobs;
        this.heartbeat = heartbeat;
        this.clock = clock;
    }

    /** How a wait ended. */
    sealed interface Outcome {
        record Finished(Job job) implements Outcome {
        }

        record StillRunning(Job job) implements Outcome {
        }

        record CallCancelled() implements Outcome {
        }

        record ClientGone() implements Outcome {
        }
    }

    /**
     * @param deadline when to give up waiting and report the job as still running, or null for never
     */
    Outcome await(JobId id, RequestContext context, Instant deadline) throws InterruptedException {
        // Events queue up without waking this thread for every line of output: a line wakes it only when no output is
        // already waiting for its turn (the reporter sends lines at most every LOG_GAP, and the wait below ends when
        // they are due); any other event always wakes it. A wake-up per line cost more CPU than the line itself in a
        // flood, on both threads.
        Queue<JobEvent> events = new ConcurrentLinkedQueue<>();
        Semaphore wake = new Semaphore(0);
        AtomicBoolean linesWaiting = new AtomicBoolean();
        Runnable stop = jobs.watch(id, event -> {
            events.add(event);
            if (!(event instanceof JobEvent.Line) || !linesWaiting.get() && linesWaiting.compareAndSet(false, true)) {
                wake.release();
            }
        });
        try {
            Instant now = clock.instant();
            Job job = jobs.find(id).orElseThrow();
            ProgressReporter reporter = new ProgressReporter(context, MIN_GAP, heartbeat, now);
            if (job.startedAt() != null) {
                reporter.running(job.startedAt());
            }
            jobs.view(id).ifPresent(v -> reporter.position(v.progress(), v.state()));
            reporter.tick(now);
            while (true) {
                if (context.isCancelled()) {
                    return new Outcome.CallCancelled();
                }
                // Over stdio the session closes at end of input, but stdout may still be read while the server
                // drains: keep waiting while a stream can carry the answer.
                if (!context.session().isOpen() && !context.isStreamConnected()) {
                    return new Outcome.ClientGone();
                }
                now = clock.instant();
                if (deadline != null && !now.isBefore(deadline)) {
                    reporter.finish();
                    return new Outcome.StillRunning(jobs.find(id).orElse(job));
                }
                long waitMs = reporter.untilDue(now).toMillis();
                if (deadline != null) {
                    waitMs = Math.min(waitMs, Duration.between(now, deadline).toMillis());
                }
                // Wake at least twice a second to notice a cancelled call or a closed session.
                if (wake.tryAcquire(Math.max(1, Math.min(waitMs, 500)), TimeUnit.MILLISECONDS)) {
                    wake.drainPermits();
                }
                for (JobEvent event = events.poll(); event != null; event = events.poll()) {
                    if (event instanceof JobEvent.Finished f) {
                        reporter.finish();
                        return new Outcome.Finished(f.finished());
                    }
                    apply(reporter, event);
                }
                reporter.tick(clock.instant());
                if (!reporter.hasPendingOutput()) {
                    linesWaiting.set(false);
                    if (!events.isEmpty()) {
                        wake.release(); // came in while draining: look again at once
                    }
                }
            }
        } finally {
            stop.run();
        }
    }

    private static void apply(ProgressReporter reporter, JobEvent event) {
        if (event instanceof JobEvent.Started s) {
            reporter.running(s.at());
        } else if (event instanceof JobEvent.Line l) {
            reporter.line(l.text(), l.echo());
        } else if (event instanceof JobEvent.Progress p) {
            reporter.position(p.progress(), p.state());
        }
    }

    /** The job as stored, for callers that only need to know whether it ended. */
    Optional<Job> find(JobId id) {
        return jobs.find(id);
    }
}
