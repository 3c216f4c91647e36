package dev.statamcp.stata.pool;

import dev.statamcp.stata.discovery.StataInstallation;
import dev.statamcp.stata.process.ProcessGroupLauncher;
import dev.statamcp.stata.run.RunHandle;
import dev.statamcp.stata.run.RunRequest;
import dev.statamcp.stata.session.SessionSettings;
import dev.statamcp.stata.session.SessionStatus;
import dev.statamcp.stata.session.StataSession;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Named console sessions, {@code default} among them, created on first use. Each session has its own Stata, working
 * directory and FIFO queue; the pool bounds how many sessions exist and closes idle ones. Runs never wait for a
 * free session: they queue on the session they name.
 */
public final class SessionPool implements AutoCloseable {

    public static final String DEFAULT = "default";

    private static final Logger LOG = LoggerFactory.getLogger(SessionPool.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private final StataInstallation installation;
    private final PoolSettings settings;
    private final ProcessGroupLauncher launcher;
    private final Map<String, StataSession> sessions = new LinkedHashMap<>();
    private final ScheduledExecutorService janitor;
    private final Thread shutdownHook;
    private boolean closed;

    public SessionPool(StataInstallation installation, PoolSettings settings) {
        this(installation, settings, ProcessGroupLauncher.forCurrentPlatform());
    }

    public SessionPool(StataInstallation installation, PoolSettings settings, ProcessGroupLauncher launcher) {
        this.installation = installation;
        this.settings = settings;
        this.launcher = launcher;
        this.janitor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "stata-pool-janitor");
            t.setDaemon(true);
            return t;
        });
        if (!settings.idleTimeout().isZero()) {
            long every = Math.max(1000, Math.min(30_000, settings.idleTimeout().toMillis() / 4));
            janitor.scheduleWithFixedDelay(this::closeIdle, every, every, TimeUnit.MILLISECONDS);
        }
        // Stata processes must not outlive the server: they hold licence seats and memory.
        this.shutdownHook = new Thread(this::close, "stata-pool-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public StataInstallation installation() {
        return installation;
    }

    public PoolSettings settings() {
        return settings;
    }

    /** Queues user code on the named session (created with default settings if new). */
    public RunHandle submit(String session, RunRequest request) {
        return session(session).submit(request);
    }

    /**
     * Queues an internal query (reading results, exporting a graph) on the named session. It runs in turn like any
     * run, its output is not part of the user's history, and the user's {@code _rc} is restored afterwards; with
     * {@code holdResults} the user's {@code r()} is also held aside during the query and restored after it.
     */
    public RunHandle query(String session, String code, boolean holdResults) {
        return session(session).submit(holdResults ? RunRequest.queryHoldingResults(code) : RunRequest.query(code));
    }

    /**
     * Creates a session with its own working directory (Stata starts there on first use).
     *
     * @throws PoolLimitException if the name exists or the session limit is reached
     */
    public SessionStatus create(String name, Path workingDirectory) {
        synchronized (sessions) {
            checkOpen();
            validate(name);
            if (sessions.containsKey(name)) {
                throw new PoolLimitException("Session '" + name + "' already exists. Close it first to create it "
                        + "again with another working directory.");
            }
            return add(name, settings.sessionDefaults().withWorkingDirectory(workingDirectory)).status();
        }
    }

    /** The named session, created with default settings when it does not exist yet. */
    public StataSession session(String name) {
        synchronized (sessions) {
            checkOpen();
            validate(name);
            StataSession s = sessions.get(name);
            return s != null ? s : add(name, settings.sessionDefaults());
        }
    }

    private StataSession add(String name, SessionSettings sessionSettings) {
        if (sessions.size() >= settings.maxSessions()) {
            throw new PoolLimitException("There are already " + sessions.size() + " Stata sessions, the limit ("
                    + "each takes a Stata licence seat): " + String.join(", ", sessions.keySet())
                    + ". Use one of them, close one, or raise the session limit.");
        }
        StataSession s = new StataSession(name, sessionSettings, installation, launcher);
        sessions.put(name, s);
        return s;
    }

    public Optional<SessionStatus> status(String name) {
        synchronized (sessions) {
            return Optional.ofNullable(sessions.get(name)).map(StataSession::status);
        }
    }

    public List<SessionStatus> list() {
        List<StataSession> all;
        synchronized (sessions) {
            all = new ArrayList<>(sessions.values());
        }
        return all.stream().map(StataSession::status).toList();
    }

    /** Kills running code and Stata in the named session; queued runs then run on a fresh Stata. */
    public boolean restart(String name) {
        StataSession s;
        synchronized (sessions) {
            s = sessions.get(name);
        }
        if (s == null) {
            return false;
        }
        s.restart();
        return true;
    }

    /** Closes and removes the named session (queued runs are cancelled). Returns false if there was none. */
    public boolean close(String name) {
        StataSession s;
        synchronized (sessions) {
            s = sessions.remove(name);
        }
        if (s == null) {
            return false;
        }
        s.close();
        return true;
    }

    private void closeIdle() {
        Duration idle = settings.idleTimeout();
        List<Map.Entry<String, StataSession>> all;
        synchronized (sessions) {
            all = new ArrayList<>(sessions.entrySet());
        }
        for (Map.Entry<String, StataSession> e : all) {
            try {
                if (e.getKey().equals(DEFAULT)) {
                    if (e.getValue().stopIfIdle(idle)) {
                        LOG.info("Stopped Stata of session 'default' after {} idle", idle);
                    }
                } else if (e.getValue().idleFor(idle)) {
                    synchronized (sessions) {
                        if (sessions.get(e.getKey()) != e.getValue() || !e.getValue().idleFor(idle)) {
                            continue;
                        }
                        sessions.remove(e.getKey());
                    }
                    e.getValue().close();
                    LOG.info("Closed session '{}' after {} idle", e.getKey(), idle);
                }
            } catch (RuntimeException ex) {
                LOG.warn("Idle check of session '{}' failed", e.getKey(), ex);
            }
        }
    }

    private static void validate(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid session name '" + name + "': use 1 to 64 letters, digits, "
                    + "'_', '.' or '-', starting with a letter or digit.");
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new PoolLimitException("The session pool is shut down.");
        }
    }

    /** Closes every session and stops every Stata. */
    @Override
    public void close() {
        List<StataSession> all;
        synchronized (sessions) {
            if (closed) {
                return;
            }
            closed = true;
            all = new ArrayList<>(sessions.values());
            sessions.clear();
        }
        janitor.shutdownNow();
        all.parallelStream().forEach(StataSession::close);
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting
            }
        }
    }
}
