package dev.statamcp.server.app;

import dev.statamcp.mcp.server.McpServer;
import dev.statamcp.mcp.transport.http.HttpServerHost;
import dev.statamcp.server.cli.McpApplication;
import dev.statamcp.server.config.Key;
import dev.statamcp.server.config.Settings;
import dev.statamcp.server.jobs.JobFolders;
import dev.statamcp.server.jobs.JobManager;
import dev.statamcp.server.rest.ApiContext;
import dev.statamcp.server.safety.RootsResolver;
import dev.statamcp.server.tools.ToolContext;
import dev.statamcp.server.web.WebMount;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Stata application served over MCP (and, in HTTP mode, its REST API and dashboard). The job system is opened
 * on a background thread once the server is built, so the first answer to the client is not held up by the
 * database; Stata itself is found and started only when the first run needs it.
 */
public final class StataApplication implements McpApplication {
    private static final Logger LOG = LoggerFactory.getLogger(StataApplication.class);

    private final Settings settings;
    private final JobFolders folders;
    private final StataEngine engine;
    private final RootsResolver roots;
    private final Clock clock = Clock.systemUTC();
    private final CompletableFuture<JobSystem> system = new CompletableFuture<>();
    private final CallsInFlight calls = new CallsInFlight();

    public StataApplication(Settings settings) {
        this.settings = settings;
        this.folders = new JobFolders(settings.path(Key.DATA_DIR));
        this.engine = new StataEngine(settings, folders.dataDir());
        this.roots = new RootsResolver(settings.list(Key.WORKSPACE).stream().map(Settings::expandPath).toList(),
                Path.of("").toAbsolutePath());
    }

    public Settings settings() {
        return settings;
    }

    public StataEngine engine() {
        return engine;
    }

    public RootsResolver roots() {
        return roots;
    }

    /** The job system, waiting for it to open if the server has only just started. */
    public JobManager jobs() {
        return system().jobs();
    }

    public JobRequests requests() {
        return system().requests();
    }

    private JobSystem system() {
        try {
            return system.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("the job store could not be opened: " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    @Override
    public void register(McpServer.Builder builder) {
        ToolContext tools = new ToolContext(this::jobs, this::requests, engine, roots, folders, clock,
                settings.secondsOrNone(Key.MAX_CALL_SECONDS),
                Duration.ofSeconds(settings.integer(Key.PROGRESS_SECONDS)), settings.integer(Key.GRAPH_WIDTH));
        McpFeatures.register(builder, tools, this::jobs, calls);
    }

    @Override
    public void mountHttp(HttpServerHost host) {
        String token = settings.string(Key.TOKEN);
        WebMount.mount(host, new ApiContext(this::jobs, this::requests, roots::fallback, engine, clock,
                Objects.requireNonNullElse(StataApplication.class.getPackage().getImplementationVersion(), "dev")),
                token != null && !token.isBlank());
    }

    @Override
    public void started(McpServer server) {
        Thread opener = new Thread(() -> open(server), "job-store-open");
        opener.setDaemon(true);
        opener.start();
    }

    private void open(McpServer server) {
        try {
            int stopped = engine.sweepLeftovers();
            if (stopped > 0) {
                LOG.info("stopped {} Stata process(es) left by a server that had died", stopped);
            }
            JobSystem js = JobSystem.open(settings, folders, engine, clock);
            McpFeatures.followJobs(server, js.jobs());
            system.complete(js);
        } catch (RuntimeException e) {
            LOG.error("cannot open the job store in {}: {}", folders.dataDir(), e.getMessage());
            system.completeExceptionally(e);
        }
    }

    /** Opens the job system now, for commands that run without an MCP server (run, jobs, the tests). */
    public StataApplication openNow(Consumer<JobManager> onOpen) {
        engine.sweepLeftovers();
        JobSystem js = JobSystem.open(settings, folders, engine, clock);
        onOpen.accept(js.jobs());
        system.complete(js);
        return this;
    }

    /** Calls whose job has ended still read the store to write their answer: let them (briefly). */
    private void awaitAnswers() {
        try {
            int left = calls.awaitNone(Duration.ofSeconds(10));
            if (left > 0) {
                LOG.warn("{} tool call(s) still answering at shutdown", left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void drain(McpServer server) {
        if (!system.isDone() || system.isCompletedExceptionally()) {
            engine.close();
            return;
        }
        JobManager jobs = jobs();
        Duration limit = Duration.ofSeconds(settings.integer(Key.DRAIN_SECONDS));
        int running = jobs.liveCount();
        if (running > 0) {
            LOG.info("the client went away; letting {} running job(s) finish (at most {} s), their results are"
                    + " stored", running, limit.toSeconds());
        }
        int left = jobs.drain(limit);
        if (left > 0) {
            LOG.warn("{} job(s) still running after {} s; stopping them", left, limit.toSeconds());
            jobs.interruptAll("the server shut down before the job ended", Duration.ofSeconds(10));
        }
        awaitAnswers();
        system().close();
        engine.close();
    }
}
