package dev.statamcp.bench.app;

import dev.statamcp.stata.discovery.StataDiscovery;
import dev.statamcp.stata.discovery.StataInstallation;
import dev.statamcp.stata.pool.PoolSettings;
import dev.statamcp.stata.pool.SessionPool;
import dev.statamcp.stata.run.RunHandle;
import dev.statamcp.stata.run.RunListener;
import dev.statamcp.stata.run.RunRequest;
import dev.statamcp.stata.run.RunResult;
import dev.statamcp.stata.session.SessionSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * The project's Stata engine on the emulator, inside the harness, without MCP, job store or server: the baseline
 * that tells how much of a figure the engine itself takes (a console session, its log tailed) and how much the
 * layers above it add.
 */
public final class EngineAlone implements AutoCloseable {
    private final SessionPool pool;

    private EngineAlone(SessionPool pool) {
        this.pool = pool;
    }

    /** @param dir where the session keeps its files (working folder, run logs, discovery cache) */
    public static EngineAlone start(Path root, Path dir) {
        return start(root, dir, Map.of(), SessionSettings.defaults(dir).killGrace());
    }

    /**
     * @param environment extra variables for Stata (the emulator's failure switches)
     * @param killGrace   how long a Break may take before Stata is killed (the server's cancel grace)
     */
    public static EngineAlone start(Path root, Path dir, Map<String, String> environment, Duration killGrace) {
        return start(root, dir, environment, killGrace, 4);
    }

    /** As above, with up to {@code maxSessions} Stata sessions at once. */
    public static EngineAlone start(Path root, Path dir, Map<String, String> environment, Duration killGrace,
                                    int maxSessions) {
        StataInstallation stata = StataDiscovery.forThisMachine(
                Optional.of(root.resolve("fakestata/bin/stata-mp")), dir.resolve("cache")).discover().require();
        // The server's default line size (the engine's own is 120), so long lines wrap alike on both sides.
        SessionSettings session = SessionSettings.defaults(dir).withTempRoot(dir.resolve("sessions")).withLineSize(200)
                .withEnvironment(environment).withKillGrace(killGrace);
        return new EngineAlone(new SessionPool(stata, new PoolSettings(maxSessions, Duration.ofMinutes(30), session)));
    }

    /** Queues code in the default session, its log written to {@code log}, and returns at once. */
    public RunHandle submit(String code, Path log) {
        return pool.submit(SessionPool.DEFAULT, RunRequest.of(code).withLogFile(log));
    }

    /** Queues code in the named session (created on first use) and returns at once. */
    public RunHandle submitTo(String session, String code) {
        return pool.submit(session, RunRequest.of(code));
    }

    /** The pid of the default session's Stata, once started. */
    public OptionalLong sessionPid() {
        return pool.status(SessionPool.DEFAULT).map(s -> s.pid()).orElse(OptionalLong.empty());
    }

    /** Runs a do-file in the default session, its log written to {@code log}, and waits for the end. */
    public RunResult runDoFile(Path doFile, Path log, RunListener listener, Duration max) throws Exception {
        RunRequest request = RunRequest.ofDoFile(doFile, List.of(), Optional.empty()).withLogFile(log)
                .withListener(listener);
        return pool.submit(SessionPool.DEFAULT, request).result().get(max.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs code in the default session and waits (to start Stata before anything is timed). */
    public RunResult run(String code, Duration max) throws Exception {
        return pool.submit(SessionPool.DEFAULT, RunRequest.of(code)).result().get(max.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        pool.close();
    }
}
