package dev.statamcp.server.tools;

import dev.statamcp.mcp.server.RequestContext;
import dev.statamcp.mcp.session.LogLevel;
import dev.statamcp.server.jobs.JobEvent;
import dev.statamcp.server.jobs.JobId;
import dev.statamcp.server.jobs.JobManager;
import dev.statamcp.server.jobs.JobStatus;
import dev.statamcp.server.output.LineContent;
import dev.statamcp.server.sweep.SweepId;
import dev.statamcp.server.sweep.SweepService;
import dev.statamcp.server.sweep.SweepView.TaskView;
import dev.statamcp.server.sweep.SweepView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Waits on a sweep for a tool call: progress is tasks done out of the total, with a message saying how many run
 * and wait and the latest line or scheduler state of a running task; each task's end is also sent as a log message.
 * Sent on every task start and end (at most a few per second) and at least every {@code heartbeat}.
 */
final class SweepWaiter {
    private static final Duration MIN_GAP = Duration.ofMillis(250);

    private final JobManager jobs;
    private final SweepService sweeps;
    private final Duration heartbeat;
    private final Clock clock;

    SweepWaiter(JobManager jobs, SweepService sweeps, Duration heartbeat, Clock clock) {
        this.jobs = jobs;
        this.sweeps = sweeps;
        this.heartbeat = heartbeat;
        this.clock = clock;
    }

    /** How a wait ended. */
    enum Outcome { FINISHED, DEADLINE, CALL_CANCELLED, CLIENT_GONE }

    /** @param deadline when to stop waiting and report the sweep as still running, or null for never */
    Outcome await(SweepId id, RequestContext context, Instant deadline) throws InterruptedException {
        Set<String> ours = ConcurrentHashMap.newKeySet();
        Map<String, String> lastLines = new ConcurrentHashMap<>();
        Semaphore changed = new Semaphore(0);
        Runnable stop = jobs.watchAll(event -> {
            String job = event.job().value();
            if (!ours.contains(job)) {
                return;
            }
            if (event instanceof JobEvent.Line l && LineContent.hasLetterOrDigit(l.text())
                    && !l.echo()) {
                lastLines.put(job, l.text().strip());
            } else if (event instanceof JobEvent.Started || event instanceof JobEvent.Finished
                    || event instanceof JobEvent.Progress) {
                changed.release();
            }
        });
        try {
            Instant started = clock.instant();
            SweepView view = sweeps.find(id).orElseThrow();
            Map<Integer, Boolean> reportedEnd = new ConcurrentHashMap<>();
            view.tasks().stream().filter(TaskView::terminal).forEach(t -> reportedEnd.put(t.task(), true));
            long lastDone = -1;
            int beats = 0;
            Instant lastSent = Instant.EPOCH;
            while (true) {
                view.tasks().forEach(t -> {
                    if (t.job() != null) {
                        ours.add(t.job().id().value());
                    }
                });
                reportEnds(view, context, reportedEnd);
                if (view.terminal()) {
                    return Outcome.FINISHED;
                }
                if (context.isCancelled()) {
                    return Outcome.CALL_CANCELLED;
                }
                if (!context.session().isOpen()) {
                    return Outcome.CLIENT_GONE;
                }
                Instant now = clock.instant();
                if (deadline != null && !now.isBefore(deadline)) {
                    return Outcome.DEADLINE;
                }
                long done = view.done();
                boolean moved = done != lastDone;
                if (moved || Duration.between(lastSent, now).compareTo(heartbeat) >= 0) {
                    beats = moved ? 0 : beats + 1;
                    lastDone = done;
                    // Below done + 1, growing with each heartbeat: progress must increase on every message.
                    double value = Math.min(done + 1.0 - 1.0 / (beats + 2), view.tasks().size() - 0.001);
                    context.progress(Math.max(value, 0.001), (double) view.tasks().size(),
                            message(view, started, now, lastLines));
                    lastSent = now;
                }
                long wait = Math.min(500, Math.max(1, heartbeat.minus(Duration.between(lastSent, now)).toMillis()));
                if (deadline != null) {
                    wait = Math.max(1, Math.min(wait, Duration.between(now, deadline).toMillis()));
                }
                if (changed.tryAcquire(wait, TimeUnit.MILLISECONDS)) {
                    Thread.sleep(MIN_GAP.toMillis()); // let a burst of ends arrive together
                    changed.drainPermits();
                }
                view = sweeps.find(id).orElseThrow();
            }
        } finally {
            stop.run();
        }
    }

    private void reportEnds(SweepView view, RequestContext context, Map<Integer, Boolean> reported) {
        for (TaskView t : view.tasks()) {
            if (t.terminal() && reported.putIfAbsent(t.task(), true) == null) {
                context.log(LogLevel.INFO, "stata", SweepResult.line(t));
            }
        }
    }

    private String message(SweepView view, Instant started, Instant now, Map<String, String> lastLines) {
        Map<JobStatus, Long> c = view.counts();
        StringBuilder sb = new StringBuilder(ProgressMessage.elapsed(Duration.between(started, now)))
                .append(" · ").append(view.done()).append('/').append(view.tasks().size()).append(" tasks done");
        long running = c.getOrDefault(JobStatus.RUNNING, 0L);
        long queued = c.getOrDefault(JobStatus.QUEUED, 0L);
        if (running > 0) {
            sb.append(" · ").append(running).append(" running");
        }
        if (queued > 0) {
            sb.append(" · ").append(queued).append(" queued");
        }
        // The most telling detail: a running task's last line, else a queued task's scheduler state.
        for (TaskView t : view.tasks()) {
            if (t.job() != null && !t.terminal()) {
                JobId job = t.job().id();
                String line = lastLines.get(job.value());
                String state = jobs.view(job).map(JobManager.LiveView::state).orElse(null);
                String detail = line != null ? line : state;
                if (detail != null) {
                    sb.append(" · task ").append(t.task()).append(": ").append(detail.replaceAll("\\s+", " "));
                    break;
                }
            }
        }
        String m = sb.toString();
        return m.length() > ProgressMessage.MAX_LENGTH ? m.substring(0, ProgressMessage.MAX_LENGTH - 1) + "…" : m;
    }
}
