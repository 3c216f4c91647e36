package dev.statamcp.server.app;

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
import dev.statamcp.stata.errors.ReturnCodes;
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

    private JobSystem(Database db, JobManager jobs, JobRequests requests, ScheduledExecutorService housekeeping) {
        this.db = db;
        this.jobs = jobs;
        this.requests = requests;
        this.housekeeping = housekeeping;
    }

    /** Opens the store, takes over what a previous server left unfinished, and prunes old jobs. */
    public static JobSystem open(Settings settings, JobFolders folders, StataEngine engine, Clock clock) {
        Database db = Database.open(folders.database());
        Map<JobKind, JobExecutor> executors = new EnumMap<>(JobKind.class);
        ConsoleSessionExecutor console = new ConsoleSessionExecutor(engine::pool, settings.integer(Key.GRAPH_WIDTH));
        executors.put(JobKind.CODE, console);
        executors.put(JobKind.FILE, console);
        executors.put(JobKind.BATCH, new BatchExecutor(engine::batch));
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
        housekeeping.scheduleWithFixedDelay(() -> {
            try {
                int pruned = jobs.prune();
                if (pruned > 0) {
                    LOG.info("deleted {} old job(s) beyond the retention settings", pruned);
                }
            } catch (RuntimeException e) {
                LOG.warn("pruning old jobs failed: {}", e.getMessage());
            }
        }, 1, 60, TimeUnit.MINUTES);
        return new JobSystem(db, jobs, new JobRequests(jobs, settings.bool(Key.ALLOW_SHELL)), housekeeping);
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
        jobs.close();
        db.close();
    }
}
