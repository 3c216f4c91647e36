package dev.statamcp.stata.session;

import dev.statamcp.stata.discovery.StataInstallation;
import dev.statamcp.stata.process.LaunchedProcess;
import dev.statamcp.stata.process.ProcessGroupLauncher;
import dev.statamcp.stata.process.ProcessKiller;
import dev.statamcp.stata.run.Outcome;
import dev.statamcp.stata.run.RunHandle;
import dev.statamcp.stata.run.RunRequest;
import dev.statamcp.stata.run.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One persistent Stata console (Linux/macOS) with a FIFO queue of runs: a busy session queues, it never refuses.
 * Stata starts on the first run (no licence seat is taken before), in its own process group, with
 * {@code set more off}, the configured line size and a private {@code STATATMP}. If Stata dies or is killed, the run
 * ends with a clear outcome and the next run starts a fresh Stata. A single worker thread executes the runs and is
 * the only writer to Stata's input.
 */
public final class StataSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StataSession.class);

    private final String name;
    private final SessionSettings settings;
    private final StataInstallation installation;
    private final ProcessGroupLauncher launcher;
    private final LinkedBlockingDeque<ConsoleRunHandle> queue = new LinkedBlockingDeque<>();
    private final Deque<String> recentRuns = new ArrayDeque<>();
    private final Object lock = new Object();
    private final Thread worker;

    // guarded by lock
    private SessionProcess process;
    private Path dir;
    private ConsoleRunHandle executing;
    private boolean starting;
    private boolean closed;
    private ConsoleRunHandle breakTarget;
    private final KillSwitch killSwitch = new KillSwitch();
    private Instant lastActivity = Instant.now();
    private long runsCompleted;
    private String lastExit;
    private boolean graphTracking;
    private volatile int lastUserRc;

    public StataSession(String name, SessionSettings settings, StataInstallation installation,
                        ProcessGroupLauncher launcher) {
        if (!installation.supportsConsole()) {
            throw new IllegalArgumentException("Console sessions need Stata's console binary, which " + installation
                    .platform() + " does not have; use batch runs there.");
        }
        this.name = name;
        this.settings = settings;
        this.installation = installation;
        this.launcher = launcher;
        this.worker = new Thread(this::work, "stata-session-" + name);
        worker.setDaemon(true);
        worker.start();
    }

    public String name() {
        return name;
    }

    public SessionSettings settings() {
        return settings;
    }

    /** Queues {@code request}; returns at once. */
    public RunHandle submit(RunRequest request) {
        ConsoleRunHandle handle = new ConsoleRunHandle(ConsoleProtocol.newRunId(), request, this, settings);
        synchronized (lock) {
            if (closed) {
                throw new SessionClosedException(name);
            }
            if (queue.size() >= settings.maxQueue()) {
                throw new QueueFullException(name, settings.maxQueue());
            }
            queue.addLast(handle);
        }
        return handle;
    }

    private void work() {
        while (true) {
            ConsoleRunHandle next;
            try {
                next = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            synchronized (lock) {
                if (closed && next == null) {
                    return;
                }
                if (next == null) {
                    continue;
                }
                executing = next;
            }
            RunResult result = execute(next);
            synchronized (lock) {
                executing = null;
                breakTarget = null;
                lastActivity = Instant.now();
                runsCompleted++;
                afterRun(next);
            }
            next.complete(result);
        }
    }

    private RunResult execute(ConsoleRunHandle handle) {
        SessionProcess proc;
        boolean fresh;
        try {
            synchronized (lock) {
                fresh = process == null || !process.alive();
            }
            proc = fresh ? start() : process;
        } catch (SessionStartException e) {
            Instant now = Instant.now();
            Outcome outcome = killSwitch.byUser() ? killSwitch.outcome(settings.killGrace()).orElseThrow()
                    : new Outcome.SessionDied(e.getMessage(), e.exitCode());
            killSwitch.clear();
            return new RunResult(handle.runId(), outcome, List.of(), List.of(), now, now, Optional.empty(), true,
                    List.of());
        }
        boolean graphs;
        synchronized (lock) {
            graphs = graphTracking;
        }
        return new ConsoleRun(handle, this, proc, fresh, graphs, false).execute();
    }

    /** Starts Stata and runs the start-up code; throws with Stata's own words when it cannot. */
    private SessionProcess start() throws SessionStartException {
        ProcessCleanup.sweep(detachProcess(), settings.killGrace(), name, "previous Stata process ended");
        Path wd = settings.workingDirectory();
        if (!Files.isDirectory(wd)) {
            throw new SessionStartException("The working directory " + wd + " does not exist. Create it or choose "
                    + "another one for session '" + name + "'.");
        }
        Path sessionDir;
        try {
            sessionDir = sessionDir();
        } catch (IOException e) {
            throw new SessionStartException("Cannot create the session folder under " + settings.tempRoot() + ": "
                    + e.getMessage());
        }
        ProcessBuilder pb = new ProcessBuilder(installation.binary().toString(), "-q").directory(wd.toFile());
        pb.environment().put("STATATMP", sessionDir.resolve("tmp").toString());
        pb.environment().putAll(settings.environment());
        LaunchedProcess launched;
        try {
            launched = launcher.start(pb);
        } catch (IOException e) {
            throw new SessionStartException("Stata could not be started from " + installation.binary() + ": "
                    + e.getMessage() + ". Check the path (run `stata-mcp doctor`).");
        }
        SessionLeftovers.record(sessionDir, launched);
        SessionProcess proc = new SessionProcess(launched, sessionDir, name);
        synchronized (lock) {
            process = proc;
            starting = true;
        }
        killSwitch.launched(proc, settings.killGrace());
        try {
            String initId = ConsoleProtocol.newRunId();
            ConsoleRunHandle init = new ConsoleRunHandle(initId, RunRequest.query(ConsoleProtocol.initCode(initId,
                    settings.lineSize(), settings.trackGraphs())), this, settings);
            CompletableFuture<Void> watchdog = CompletableFuture.runAsync(() -> {
                if (proc.alive()) {
                    requestKill("Stata did not answer within " + settings.startTimeout().toSeconds()
                            + " s of starting", false);
                }
            }, CompletableFuture.delayedExecutor(settings.startTimeout().toMillis(), TimeUnit.MILLISECONDS));
            RunResult r = new ConsoleRun(init, this, proc, true, false, true).execute();
            watchdog.cancel(false);
            if (!r.succeeded()) {
                ProcessCleanup.sweep(detachProcess(), settings.killGrace(), name, "start-up failed");
                String words = proc.lastWords();
                String what = r.outcome() instanceof Outcome.Killed k ? k.reason() + "; it was stopped"
                        : r.outcome() instanceof Outcome.SessionDied ? "Stata exited while starting"
                        + proc.exitCode().stream().mapToObj(c -> " (exit code " + c + ")").findFirst().orElse("")
                        : "its start-up commands failed: " + r.outcome().summary();
                throw new SessionStartException("Stata could not start a session with " + installation.describe()
                        + ": " + what + "." + (words.isEmpty() ? "" : "\nStata said: " + words)
                        + "\nCheck Stata's licence and installation (`stata-mcp doctor` explains what it finds).",
                        proc.exitCode());
            }
            SessionInfo info = SessionInfo.parse(r.output(), initId);
            proc.info = info;
            synchronized (lock) {
                graphTracking = settings.trackGraphs() && info.graphDir();
                lastUserRc = 0;
            }
            LOG.info("Session '{}' started {} (pid {})", name, installation.describe(), launched.pid());
            return proc;
        } finally {
            synchronized (lock) {
                starting = false;
            }
        }
    }

    private Path sessionDir() throws IOException {
        synchronized (lock) {
            if (dir == null) {
                Files.createDirectories(settings.tempRoot());
                String safe = name.replaceAll("[^A-Za-z0-9_-]", "_");
                dir = Files.createTempDirectory(settings.tempRoot(), "session-" + safe + "-");
            }
            Files.createDirectories(dir.resolve("tmp"));
            return dir;
        }
    }

    /** After each run: forget a dead process (sweeping what it left behind) and prune old run files. */
    private void afterRun(ConsoleRunHandle handle) {
        if (process != null && !process.alive()) {
            SessionProcess dead = process;
            process = null;
            lastExit = dead.exitCode().stream().mapToObj(c -> "Stata exited with code " + c).findFirst()
                    .orElse("Stata exited");
            CompletableFuture.runAsync(() -> ProcessCleanup.sweep(dead, settings.killGrace(), name, "after exit"));
        }
        killSwitch.clear();
        recentRuns.addLast(handle.runId());
        while (recentRuns.size() > settings.keepRunFiles() && dir != null) {
            ConsoleProtocol.RunFiles f = ConsoleProtocol.RunFiles.in(dir, recentRuns.removeFirst());
            for (Path p : List.of(f.doFile(), f.log(), f.endLog(), f.resendEndLog())) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a file Stata still holds open; it goes with the session folder
                }
            }
        }
    }

    private SessionProcess detachProcess() {
        synchronized (lock) {
            SessionProcess p = process;
            process = null;
            return p;
        }
    }

    // ---- break and kill ----

    boolean breakRun(ConsoleRunHandle handle) {
        if (removeQueued(handle)) {
            return true;
        }
        synchronized (lock) {
            if (executing != handle || process == null || starting) {
                return false;
            }
            breakTarget = handle;
            return ProcessKiller.interrupt(process.launched);
        }
    }

    /** Takes a run that has not started out of the queue (its result then says so). */
    private boolean removeQueued(ConsoleRunHandle handle) {
        boolean removed;
        synchronized (lock) {
            removed = queue.remove(handle);
        }
        if (removed) {
            handle.cancel("removed from the queue before it started");
        }
        return removed;
    }

    boolean breakRequested(ConsoleRunHandle handle) {
        synchronized (lock) {
            return breakTarget == handle;
        }
    }

    void kill(ConsoleRunHandle handle, String reason) {
        if (removeQueued(handle)) {
            return;
        }
        synchronized (lock) {
            if (executing != handle) {
                return;
            }
        }
        requestKill(reason, true);
    }

    /** Kills Stata because it does not respond; the running run ends with {@code reason}. */
    void stopUnresponsive(String reason) {
        requestKill(reason, false);
    }

    private void requestKill(String reason, boolean byUser) {
        SessionProcess target;
        synchronized (lock) {
            target = process;
        }
        killSwitch.request(target, reason, byUser, settings.killGrace());
    }

    /** The outcome for a run whose process died because the engine killed it, once the kill is complete. */
    Optional<Outcome> killOutcome(ConsoleRunHandle handle) {
        return killSwitch.outcome(settings.killGrace());
    }

    int lastUserRc() {
        return lastUserRc;
    }

    void setLastUserRc(int rc) {
        lastUserRc = rc;
    }

    int queuePosition(ConsoleRunHandle handle) {
        int position = 1;
        for (ConsoleRunHandle h : queue) {
            if (h == handle) {
                return position;
            }
            position++;
        }
        return 0;
    }

    // ---- management ----

    /** Kills the running code (if any) and Stata; queued runs stay queued and run on a fresh Stata. */
    public void restart() {
        ConsoleRunHandle running;
        synchronized (lock) {
            running = executing;
        }
        if (running != null) {
            kill(running, "session restarted");
        } else {
            SessionProcess idle;
            synchronized (lock) {
                idle = starting ? null : detachProcess();
            }
            ProcessCleanup.stopGracefully(idle, settings.killGrace(), name);
        }
    }

    /** Stops an idle Stata that has had nothing to do for {@code idle}; returns true when it did. */
    public boolean stopIfIdle(Duration idle) {
        SessionProcess stop;
        synchronized (lock) {
            if (executing != null || !queue.isEmpty() || process == null || starting
                    || lastActivity.plus(idle).isAfter(Instant.now())) {
                return false;
            }
            stop = detachProcess();
        }
        ProcessCleanup.stopGracefully(stop, settings.killGrace(), name);
        return true;
    }

    /** True when nothing is running or queued and the session has been quiet for {@code idle}. */
    public boolean idleFor(Duration idle) {
        synchronized (lock) {
            return executing == null && queue.isEmpty() && lastActivity.plus(idle).isBefore(Instant.now());
        }
    }

    /** Cancels queued runs, kills running code and Stata, removes the session folder. Idempotent. */
    @Override
    public void close() {
        List<ConsoleRunHandle> cancelled = new ArrayList<>();
        ConsoleRunHandle running;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            queue.drainTo(cancelled);
            running = executing;
        }
        cancelled.forEach(h -> h.cancel("the session was closed"));
        if (running != null) {
            kill(running, "session closed");
            running.result().orTimeout(settings.killGrace().toMillis() + 20_000, TimeUnit.MILLISECONDS)
                    .exceptionally(e -> null).join();
        }
        ProcessCleanup.stopGracefully(detachProcess(), settings.killGrace(), name);
        try {
            worker.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Path d;
        synchronized (lock) {
            d = dir;
        }
        ProcessCleanup.deleteTree(d);
    }

    public boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    public SessionStatus status() {
        synchronized (lock) {
            SessionState state = closed ? SessionState.CLOSED : starting ? SessionState.STARTING
                    : process == null || !process.alive() ? (executing != null ? SessionState.STARTING
                    : SessionState.STOPPED) : executing != null ? SessionState.BUSY : SessionState.IDLE;
            SessionProcess p = process;
            return new SessionStatus(name, state, p == null ? OptionalLong.empty() : OptionalLong.of(p.launched.pid()),
                    settings.workingDirectory(), Optional.ofNullable(executing).map(ConsoleRunHandle::runId),
                    queue.size(), Optional.ofNullable(p).map(x -> x.startedAt), lastActivity, runsCompleted,
                    Optional.ofNullable(p).map(x -> x.info), Optional.ofNullable(lastExit));
        }
    }
}
