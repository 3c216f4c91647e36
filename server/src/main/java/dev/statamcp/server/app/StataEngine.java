package dev.statamcp.server.app;

import dev.statamcp.server.config.Key;
import dev.statamcp.server.config.Settings;
import dev.statamcp.stata.batch.BatchRunner;
import dev.statamcp.stata.discovery.DiscoveryReport;
import dev.statamcp.stata.discovery.StataDiscovery;
import dev.statamcp.stata.discovery.StataInstallation;
import dev.statamcp.stata.discovery.StataNotFoundException;
import dev.statamcp.stata.pool.PoolSettings;
import dev.statamcp.stata.pool.SessionPool;
import dev.statamcp.stata.session.SessionSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stata as the server uses it: found on first need (no licence seat is taken before the first run), then a pool
 * of console sessions and a batch runner on that installation. With {@code emulator = true} and no Stata found,
 * the bundled emulator stands in, and results say so.
 */
public final class StataEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StataEngine.class);

    private final Settings settings;
    private final Path cacheDir;
    private final Lazy<StataInstallation> installation;
    private final Lazy<SessionPool> pool;
    private final Lazy<BatchRunner> batch;

    public StataEngine(Settings settings, Path dataDir) {
        this.settings = settings;
        this.cacheDir = dataDir.resolve("cache");
        this.installation = new Lazy<>(this::find);
        this.pool = new Lazy<>(this::newPool);
        this.batch = new Lazy<>(() -> BatchRunner.of(installation.get()));
    }

    /** Looks for Stata now and explains what was found (for doctor and session status). */
    public DiscoveryReport discover() {
        return StataDiscovery.forThisMachine(Optional.ofNullable(settings.path(Key.STATA_PATH)), cacheDir).discover();
    }

    public StataInstallation installation() {
        return installation.get();
    }

    /** The installation if Stata was already found, without looking. */
    public Optional<StataInstallation> knownInstallation() {
        return Optional.ofNullable(installation.peek());
    }

    public SessionPool pool() {
        return pool.get();
    }

    public Optional<SessionPool> startedPool() {
        return Optional.ofNullable(pool.peek());
    }

    public BatchRunner batch() {
        return batch.get();
    }

    private StataInstallation find() {
        DiscoveryReport report = discover();
        if (report.chosen().isPresent()) {
            StataInstallation found = report.chosen().get();
            LOG.info("using {}", found.describe());
            return found;
        }
        if (settings.bool(Key.EMULATOR)) {
            Optional<Path> emulator = bundledEmulator();
            if (emulator.isPresent()) {
                DiscoveryReport fake = StataDiscovery.forThisMachine(emulator, cacheDir).discover();
                if (fake.chosen().isPresent()) {
                    LOG.warn("Stata was not found; using the bundled emulator fakestata ({}): results are the"
                            + " emulator's, not Stata's", emulator.get());
                    return fake.chosen().get();
                }
            }
        }
        throw new StataNotFoundException("Stata was not found. " + report.explain().strip()
                + "\nSet STATA_PATH to your Stata binary or installation folder (or stata_path in the config file),"
                + " or run `stata-mcp doctor` to see what was looked at.");
    }

    /**
     * Stops Stata processes and removes session folders left by server processes that died (shared data folders
     * are swept only of what dead servers left). Run once at start.
     */
    public int sweepLeftovers() {
        return dev.statamcp.stata.session.SessionLeftovers.sweep(sessionsRoot(),
                Duration.ofSeconds(Math.max(1, settings.integer(Key.CANCEL_GRACE_SECONDS))));
    }

    private Path sessionsRoot() {
        return cacheDir.getParent().resolve("sessions");
    }

    private SessionPool newPool() {
        Path cwd = Path.of("").toAbsolutePath();
        SessionSettings session = SessionSettings.defaults(cwd)
                .withTempRoot(sessionsRoot())
                .withLineSize(settings.integer(Key.LINESIZE))
                .withMaxQueue(settings.integer(Key.MAX_QUEUE))
                .withKillGrace(Duration.ofSeconds(Math.max(1, settings.integer(Key.CANCEL_GRACE_SECONDS))));
        Duration idle = Duration.ofMinutes(settings.integer(Key.IDLE_MINUTES));
        return new SessionPool(installation.get(), new PoolSettings(settings.integer(Key.MAX_SESSIONS), idle, session));
    }

    /**
     * The emulator shipped beside this jar: {@code <repo>/fakestata/bin/stata-mp} for a jar at
     * {@code <repo>/server/target/}, or the folder named by {@code STATA_MCP_EMULATOR}.
     */
    static Optional<Path> bundledEmulator() {
        String env = System.getenv("STATA_MCP_EMULATOR");
        if (env != null && !env.isBlank()) {
            return Optional.of(Path.of(env));
        }
        try {
            Path jar = Path.of(StataEngine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = jar.getParent(); dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve("fakestata/bin/stata-mp");
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        } catch (Exception e) {
            LOG.debug("cannot locate the jar: {}", e.toString());
        }
        for (Path p : List.of(Path.of("fakestata/bin/stata-mp"))) {
            if (Files.isExecutable(p)) {
                return Optional.of(p.toAbsolutePath());
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        SessionPool p = pool.peek();
        if (p != null) {
            p.close();
        }
    }
}
