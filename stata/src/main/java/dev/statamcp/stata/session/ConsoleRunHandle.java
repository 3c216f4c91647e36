package dev.statamcp.stata.session;

import dev.statamcp.stata.log.CommandTracker;
import dev.statamcp.stata.log.DoFileOutline;
import dev.statamcp.stata.log.OutputBuffer;
import dev.statamcp.stata.run.Outcome;
import dev.statamcp.stata.run.RunEvents;
import dev.statamcp.stata.run.RunHandle;
import dev.statamcp.stata.run.RunListener;
import dev.statamcp.stata.run.RunProgress;
import dev.statamcp.stata.run.RunRequest;
import dev.statamcp.stata.run.RunResult;
import dev.statamcp.stata.run.RunState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A run submitted to a {@link StataSession}. */
final class ConsoleRunHandle implements RunHandle {

    private final String runId;
    private final RunRequest request;
    private final StataSession session;
    private final RunEvents events;
    private final CommandTracker tracker;
    private final CompletableFuture<RunResult> result = new CompletableFuture<>();
    private volatile RunState state = RunState.QUEUED;
    private volatile Instant startedAt;

    ConsoleRunHandle(String runId, RunRequest request, StataSession session, SessionSettings settings) {
        this.runId = runId;
        this.request = request;
        this.session = session;
        this.events = new RunEvents(new OutputBuffer(settings.keepHeadLines(), settings.keepTailLines()));
        this.tracker = new CommandTracker(DoFileOutline.of(request.trackedSource()));
        request.listener().ifPresent(events::add);
    }

    @Override
    public String runId() {
        return runId;
    }

    RunRequest request() {
        return request;
    }

    RunEvents events() {
        return events;
    }

    CommandTracker tracker() {
        return tracker;
    }

    @Override
    public RunState state() {
        return state;
    }

    void markRunning(Instant at) {
        startedAt = at;
        state = RunState.RUNNING;
        events.started(runId);
    }

    Instant startedAt() {
        return startedAt;
    }

    @Override
    public RunProgress progress() {
        Instant start = startedAt;
        Duration elapsed = start == null ? Duration.ZERO
                : Duration.between(start, state == RunState.FINISHED && result.isDone()
                ? result.join().finished() : Instant.now());
        return new RunProgress(state, tracker.total(), tracker.echoed(), tracker.currentLine(), events.lineCountInt(),
                elapsed, state == RunState.QUEUED ? session.queuePosition(this) : 0);
    }

    @Override
    public void addListener(RunListener listener) {
        events.add(listener);
    }

    @Override
    public void removeListener(RunListener listener) {
        events.remove(listener);
    }

    @Override
    public boolean breakRun() {
        return session.breakRun(this);
    }

    @Override
    public void kill() {
        session.kill(this, "kill requested");
    }

    @Override
    public CompletableFuture<RunResult> result() {
        return result;
    }

    /** Completes the handle once; later calls are ignored. */
    void complete(RunResult r) {
        synchronized (this) {
            if (state == RunState.FINISHED) {
                return;
            }
            state = RunState.FINISHED;
        }
        events.finished(r);
        result.complete(r);
    }

    /** Ends a run that never started. */
    void cancel(String reason) {
        Instant now = Instant.now();
        complete(new RunResult(runId, new Outcome.Cancelled(reason), List.of(), List.of(), now, now,
                Optional.empty(), false, List.of()));
    }
}
