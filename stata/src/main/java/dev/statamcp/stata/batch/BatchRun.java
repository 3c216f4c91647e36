package dev.statamcp.stata.batch;

import dev.statamcp.stata.errors.ReturnCodes;
import dev.statamcp.stata.log.BatchLogVerdict;
import dev.statamcp.stata.log.CommandTracker;
import dev.statamcp.stata.log.DoFileOutline;
import dev.statamcp.stata.log.ErrorLocator;
import dev.statamcp.stata.log.LineClassifier;
import dev.statamcp.stata.log.LogTailer;
import dev.statamcp.stata.log.OutputBuffer;
import dev.statamcp.stata.log.OutputLine;
import dev.statamcp.stata.process.KillReport;
import dev.statamcp.stata.process.LeaderlessGroup;
import dev.statamcp.stata.process.Platform;
import dev.statamcp.stata.process.ProcessGroup;
import dev.statamcp.stata.process.ProcessKiller;
import dev.statamcp.stata.process.Signal;
import dev.statamcp.stata.run.Outcome;
import dev.statamcp.stata.run.RunEvents;
import dev.statamcp.stata.run.RunHandle;
import dev.statamcp.stata.run.RunListener;
import dev.statamcp.stata.run.RunProgress;
import dev.statamcp.stata.run.RunResult;
import dev.statamcp.stata.run.RunState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/**
 * A batch run in flight (started here or adopted from an earlier process): tails Stata's log while the process is
 * alive, then reads the verdict from the log's end. Its {@link RunHandle} is the same as a console run's.
 */
public final class BatchRun implements RunHandle {

    private final BatchRecord record;
    private final Optional<ProcessHandle> process;
    private final Optional<ProcessGroup> group;
    private final BatchLogFinder logFinder;
    private volatile java.nio.file.Path log;
    private final Duration killGrace;
    private final boolean adopted;
    private final RunEvents events;
    private final CommandTracker tracker;
    private final LineClassifier classifier;
    private final CompletableFuture<RunResult> result = new CompletableFuture<>();
    private volatile RunState state = RunState.RUNNING;
    private volatile boolean breakRequested;
    private volatile CompletableFuture<KillReport> kill;
    private int lineIndex;

    BatchRun(BatchRecord record, Optional<ProcessHandle> process, BatchLogFinder logFinder, Duration killGrace,
             boolean adopted, Optional<RunListener> listener, int keepHead, int keepTail) {
        this.record = record;
        this.logFinder = logFinder;
        this.log = record.primaryLog();
        this.process = process;
        this.group = record.platform() == Platform.WINDOWS ? Optional.empty()
                : Optional.of(new ProcessGroup(record.pid(), record.platform()));
        this.killGrace = killGrace;
        this.adopted = adopted;
        this.events = new RunEvents(new OutputBuffer(keepHead, keepTail));
        this.tracker = new CommandTracker(DoFileOutline.of(readQuietly(record)));
        this.classifier = new LineClassifier(Duration.ofMillis(10), events::line);
        listener.ifPresent(events::add);
        events.started(record.runId());
    }

    /** The record to persist for re-adoption. */
    public BatchRecord record() {
        return record;
    }

    /** True when this handle follows a run started by an earlier process. */
    public boolean adopted() {
        return adopted;
    }

    /** Lines of the log's end kept for the verdict (the last `end of do-file` and what follows it). */
    static final int VERDICT_LINES = 5_000;

    void follow() {
        Thread t = new Thread(this::loop, "stata-batch-" + record.runId());
        t.setDaemon(true);
        t.start();
    }

    private void loop() {
        // Only the log's end decides the verdict; a log can be gigabytes, so only its last lines are kept.
        LastLines raw = new LastLines(VERDICT_LINES);
        LogTailer tailer = null;
        try {
            Instant lastActivity = Instant.now();
            while (process.map(ProcessHandle::isAlive).orElse(false)) {
                if (tailer == null) {
                    tailer = logFinder.find().map(this::open).orElse(null);
                }
                List<String> lines = tailer == null ? List.of() : tailer.poll();
                accept(lines, raw);
                Instant now = Instant.now();
                if (!lines.isEmpty()) {
                    lastActivity = now;
                }
                classifier.tick(now);
                long idle = Duration.between(lastActivity, now).toMillis();
                LockSupport.parkNanos(idle < 50 ? 1_000_000 : idle < 1000 ? 5_000_000 : 20_000_000);
            }
            if (tailer == null) {
                tailer = logFinder.find().map(this::open).orElse(null);
            }
            if (tailer != null) {
                accept(tailer.poll(), raw);
                String tail = tailer.unterminatedTail();
                if (!tail.isEmpty()) {
                    accept(List.of(tail), raw);
                }
                tailer.close();
            }
        } catch (IOException e) {
            // reported through the verdict below: the log could not be read
        }
        stopSurvivors();
        finish(raw);
    }

    /**
     * Stata ended, but real Stata leaves an engine process behind in its group, and nothing else will ever stop
     * it: end the group (TERM, then KILL after the grace). The group cannot have been reused while members live.
     */
    private void stopSurvivors() {
        if (kill != null || group.isEmpty()) {
            return;
        }
        if (process.isPresent()) {
            if (!group.get().isEmpty()) {
                ProcessKiller.kill(group, process.get(), record.platform(), killGrace);
            }
        } else {
            // Adopted after Stata ended (no server was running): identify what is left by the run's STATATMP.
            LeaderlessGroup.stop(record.pid(), "STATATMP=" + record.tempDir(), killGrace);
        }
        try {
            java.nio.file.Files.deleteIfExists(record.tempDir()); // empty once Stata has cleaned up after itself
        } catch (IOException e) {
            // not empty or already gone: it stays with the run's other files
        }
    }

    private LogTailer open(java.nio.file.Path p) {
        log = p;
        return new LogTailer(p);
    }

    private void accept(List<String> lines, LastLines raw) {
        for (String line : lines) {
            raw.add(line);
            int index = lineIndex++;
            if (classifier.accept(line, Instant.now())) {
                if (tracker.onEcho(line.substring(2), index)) {
                    events.progress(progress());
                }
            }
        }
    }

    private void finish(LastLines raw) {
        BatchLogVerdict verdict = BatchLogVerdict.of(raw.lines());
        classifier.finish(verdict.rc(), true); // the main do-file's closing `. ` and `end of do-file` are framing
        Outcome outcome = outcome(verdict, raw);
        OutputBuffer buffer = events.buffer();
        List<String> notes = new ArrayList<>();
        if (buffer.omitted() > 0) {
            notes.add(buffer.omitted() + " output lines in the middle are not kept in memory; the whole output is in "
                    + log + ".");
        }
        RunResult r = new RunResult(record.runId(), outcome, buffer.reclassified(verdict.rc()), List.of(),
                record.startedAt(), Instant.now(), Optional.of(log), true, notes, buffer.omitted(),
                buffer.headSize());
        state = RunState.FINISHED;
        events.finished(r);
        result.complete(r);
    }

    private Outcome outcome(BatchLogVerdict verdict, LastLines raw) {
        CompletableFuture<KillReport> k = kill;
        if (verdict.state() == BatchLogVerdict.State.INCOMPLETE) {
            if (k != null) {
                return new Outcome.Killed("kill requested", k.join().survivors());
            }
            String stderr = readFile(record.stderrFile()).strip();
            if (raw.isEmpty()) {
                return new Outcome.SessionDied("Stata did not run the do-file: it wrote no log " + log
                        + (stderr.isEmpty() ? "." : ". Stata said: " + stderr), OptionalInt.empty());
            }
            return new Outcome.SessionDied("Stata stopped before the end of the do-file (the log has no "
                    + "`end of do-file`): it crashed or was stopped from outside."
                    + (stderr.isEmpty() ? "" : " Stata said: " + stderr), OptionalInt.empty());
        }
        int rc = verdict.rc().orElse(0);
        if (rc == 0) {
            return new Outcome.Succeeded();
        }
        if (rc == ReturnCodes.BREAK && (breakRequested || verdict.breakSeen())) {
            return new Outcome.Broken();
        }
        List<OutputLine> lines = events.buffer().reclassified(verdict.rc());
        ErrorLocator.Located located = ErrorLocator.locate(lines, rc);
        OptionalInt line = located.returnCodeIndex() < 0 ? OptionalInt.empty()
                : tracker.lineAt((int) events.buffer().arrivalIndex(located.returnCodeIndex()));
        return new Outcome.StataError(rc, located.message().or(() -> ReturnCodes.standard().message(rc)), line,
                located.command());
    }

    @Override
    public String runId() {
        return record.runId();
    }

    @Override
    public RunState state() {
        return state;
    }

    @Override
    public RunProgress progress() {
        Instant end = result.isDone() ? result.join().finished() : Instant.now();
        return new RunProgress(state, tracker.total(), tracker.echoed(), tracker.currentLine(),
                events.lineCountInt(), Duration.between(record.startedAt(), end), 0);
    }

    @Override
    public void addListener(RunListener listener) {
        events.add(listener);
    }

    @Override
    public void removeListener(RunListener listener) {
        events.remove(listener);
    }

    /** SIGINT to the batch Stata's group: Stata stops the do-file with r(1). Not available on Windows. */
    @Override
    public boolean breakRun() {
        if (state == RunState.FINISHED || group.isEmpty() || process.isEmpty()) {
            return false;
        }
        breakRequested = true;
        return group.get().signal(Signal.INT);
    }

    @Override
    public synchronized void kill() {
        if (state == RunState.FINISHED || kill != null || process.isEmpty()) {
            return;
        }
        ProcessHandle leader = process.get();
        kill = CompletableFuture.supplyAsync(() -> ProcessKiller.kill(group, leader, record.platform(), killGrace));
    }

    @Override
    public CompletableFuture<RunResult> result() {
        return result;
    }

    private static String readQuietly(BatchRecord record) {
        return readFile(record.doFile());
    }

    private static String readFile(java.nio.file.Path p) {
        try {
            return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** The last lines of a log, and whether there were any. */
    static final class LastLines {
        private final int limit;
        private final java.util.ArrayDeque<String> lines = new java.util.ArrayDeque<>();
        private long seen;

        LastLines(int limit) {
            this.limit = limit;
        }

        void add(String line) {
            seen++;
            lines.addLast(line);
            if (lines.size() > limit) {
                lines.removeFirst();
            }
        }

        boolean isEmpty() {
            return seen == 0;
        }

        List<String> lines() {
            return new ArrayList<>(lines);
        }
    }
}
