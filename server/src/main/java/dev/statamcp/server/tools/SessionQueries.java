package dev.statamcp.server.tools;

import dev.statamcp.server.app.StataEngine;
import dev.statamcp.stata.pool.SessionPool;
import dev.statamcp.stata.run.RunHandle;
import dev.statamcp.stata.run.RunResult;
import dev.statamcp.stata.session.SessionState;
import dev.statamcp.stata.session.SessionStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Runs the tools' read-only queries in a session: each writes what it found to a file of its own, which the tool
 * reads back. A session busy with a job is not waited for (that could take hours): the caller is told, with what
 * to do instead. A session that is busy for a moment only (another query, such as two clients asking for help at
 * once) is waited for, up to {@link #PATIENCE}.
 */
final class SessionQueries {
    static final Duration TIMEOUT = Duration.ofMinutes(2);
    /** How long a query waits for a busy session to become free before it says so: longer than a query takes. */
    static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 25;

    private final StataEngine engine;
    private final Path tmp;

    SessionQueries(StataEngine engine, Path dataDir) {
        this.engine = engine;
        this.tmp = dataDir.resolve("tmp");
    }

    /** A query's output and the file it wrote (deleted by {@link Answer#close()}). */
    record Answer(RunResult result, Path file) implements AutoCloseable {
        @Override
        public void close() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file; the next cleanup takes it
            }
        }
    }

    /**
     * @param code   the query's Stata code, given the file it should write
     * @param hold   whether the query changes {@code r()} (then the user's {@code r()} is held aside)
     */
    Answer run(String session, Function<Path, String> code, boolean hold) throws InterruptedException {
        SessionPool pool = engine.pool();
        Optional<SessionStatus> status = pool.status(session);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (busy(status) && System.nanoTime() < deadline) {
            Thread.sleep(POLL_MILLIS);
            status = pool.status(session);
        }
        if (busy(status)) {
            throw new SessionBusyException("Stata session '" + session + "' is busy running code ("
                    + status.get().queued() + " more queued), and this reads its memory, so it would have to wait"
                    + " for that to end. Wait for the running job (stata_jobs status=running, then stata_job_wait),"
                    + " or work in another session.");
        }
        Path file;
        try {
            file = Files.createDirectories(tmp).resolve("q-" + UUID.randomUUID() + ".txt");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temp file in " + tmp + ": " + e.getMessage(), e);
        }
        RunHandle handle = pool.query(session, code.apply(file), hold);
        try {
            return new Answer(handle.result().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS), file);
        } catch (TimeoutException e) {
            handle.breakRun();
            throw new SessionBusyException("Stata did not answer within " + TIMEOUT.toSeconds() + " s; the query"
                    + " was stopped. The dataset may be very large: narrow the request with varlist, if or in.");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the query failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static boolean busy(Optional<SessionStatus> status) {
        return status.isPresent() && (status.get().state() == SessionState.BUSY || status.get().queued() > 0);
    }

    /** The session a tool names must exist unless it is {@code default} (which starts on first use). */
    void requireKnown(String session) {
        if (!session.equals(SessionPool.DEFAULT) && engine.pool().status(session).isEmpty()) {
            throw new SessionBusyException("there is no Stata session named '" + session + "'; stata_session"
                    + " action=list shows the sessions (a session starts when stata_run first names it)");
        }
    }
}
