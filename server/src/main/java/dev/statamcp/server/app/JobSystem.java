package dev.statamcp.server.app;

import dev.statamcp.server.cluster.ClusterExecutor;
import dev.statamcp.server.cluster.ClusterSetup;
import dev.statamcp.server.config.Key;
import dev.statamcp.server.config.Settings;
import dev.statamcp.server.exec.BatchExecutor;
import dev.statamcp.server.exec.ConsoleSessionExecutor;
import dev.statamcp.server.jobs.JobExecutor;
import dev.statamcp.server.jobs.JobFolders;
import dev.statamcp.server.jobs.JobKind;
import dev.statamcp.server.jobs.JobManager;
import dev.statamcp.server.jobs.JobSettings;
import dev.statamcp.server.results.ErrorHints;
import dev.statamcp.server.results.RenderLimits;
import dev.statamcp.server.results.RunResultRenderer;
import dev.statamcp.server.store.Database;
import dev.statamcp.server.store.JobStore;
import dev.statamcp.server.sweep.SweepService;
import dev.statamcp.stata.errors.ReturnCodes;
import dev.statamcp.stata.slurm.SlurmClient;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The job store, its manager and the executors, opened together and closed together. */
public final class JobSystem implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobSystem.class);

    private final Database db;
    private final JobManager jobs;
    private final JobRequests requests;
    private final ScheduledExecutorService housekeeping;
    private final ClusterExecutor cluster;

    private JobSystem(Database db, JobManager jobs, JobRequests requests, ScheduledExecutorService housekeeping,
                      ClusterExecutor cluster) {
        this.db = db;
        this.jobs = jobs;
        this.requests = requests;
        this.housekeeping = housekeeping;
        this.cluster = cluster;
    }

    /** Opens the store, takes over what a previous server left unfinished, and prunes old jobs. */
    public static JobSystem open(Settings settings, JobFolders folders, StataEngine engine, Clock clock) {
        Database db = Database.open(folders.database());
        Map<JobKind, JobExecutor> executors = new EnumMap<>(JobKind.class);
        ConsoleSessionExecutor console = new ConsoleSessionExecutor(engine::pool, settings.integer(Key.GRAPH_WIDTH));
        executors.put(JobKind.CODE, console);
        executors.put(JobKind.FILE, console);
        executors.put(JobKind.BATCH, new BatchExecutor(engine::batch));
        ClusterExecutor cluster = clusterExecutor(settings, folders, engine, new JobStore(db), clock);
        if (cluster != null) {
            executors.put(JobKind.CLUSTER, cluster);
        }
        ReturnCodes codes = ReturnCodes.standard();
        RunResultRenderer renderer = new RunResultRenderer(
                new ErrorHints(rc -> codes.message(rc).orElse(null)),
                new RenderLimits(settings.integer(Key.MAX_OUTPUT_CHARS), settings.integer(Key.MAX_IMAGES),
                        RenderLimits.defaults().maxImageBytes(), RenderLimits.defaults().logTailLines()),
                clock, () -> engine.knownInstallation().map(i -> i.emulator()).orElse(false));
        JobSettings jobSettings = JobSettings.defaults()
                .withDefaultTimeout(settings.secondsOrNone(Key.TIMEOUT_SECONDS))
                .withCancelGrace(Duration.ofSeconds(settings.integer(Key.CANCEL_GRACE_SECONDS)))
                .withRetention(Duration.ofDays(settings.integer(Key.KEEP_DAYS)), settings.integer(Key.KEEP_JOBS));
        JobManager jobs = new JobManager(new JobStore(db), folders, executors, renderer, jobSettings, clock);
        var report = jobs.recover();
        if (!report.adopted().isEmpty() || !report.interrupted().isEmpty()) {
            LOG.info("jobs left by an earlier server: {} re-adopted, {} marked interrupted", report.adopted().size(),
                    report.interrupted().size());
        }
        ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "job-housekeeping");
            t.setDaemon(true);
            return t;
        });
        SweepService sweeps = new SweepService(jobs, engine::pool, cluster, folders.dataDir(), clock);
        Duration keepFor = Duration.ofDays(settings.integer(Key.KEEP_DAYS));
        housekeeping.scheduleWithFixedDelay(() -> {
            try {
                sweeps.prune(keepFor);
                int pruned = jobs.prune();
                if (pruned > 0) {
                    LOG.info("deleted {} old job(s) beyond the retention settings", pruned);
                }
            } catch (RuntimeException e) {
                LOG.warn("pruning old jobs failed: {}", e.getMessage());
            }
        }, 1, 60, TimeUnit.MINUTES);
        return new JobSystem(db, jobs, new JobRequests(jobs, settings.bool(Key.ALLOW_SHELL), sweeps), housekeeping,
                cluster);
    }

    /**
     * The cluster executor: with {@code --executor slurm}, and also without it while the store holds cluster jobs
     * an earlier server left running (they are re-adopted and finished; new cluster jobs are refused). Null when
     * neither.
     */
    private static ClusterExecutor clusterExecutor(Settings settings, JobFolders folders, StataEngine engine,
                                                   JobStore store, Clock clock) {
        boolean enabled = ClusterSetup.enabled(settings);
        if (!enabled && store.unfinished().stream().noneMatch(o -> o.job().spec().kind() == JobKind.CLUSTER)) {
            return null;
        }
        Lazy<SlurmClient> client = new Lazy<>(() -> new SlurmClient(ClusterSetup.slurmSettings(settings,
                folders.dataDir(), () -> engine.installation().binary())));
        return new ClusterExecutor(client, enabled, ClusterSetup.pollInterval(settings), clock);
    }

    public JobManager jobs() {
        return jobs;
    }

    public JobRequests requests() {
        return requests;
    }

    @Override
    public void close() {
        housekeeping.shutdownNow();
        if (cluster != null) {
            cluster.close();
        }
        jobs.close();
        db.close();
    }
}
