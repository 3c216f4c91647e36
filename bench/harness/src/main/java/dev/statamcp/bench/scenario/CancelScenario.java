package dev.statamcp.bench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statamcp.bench.app.AppServer;
import dev.statamcp.bench.app.EngineAlone;
import dev.statamcp.bench.app.LogTail;
import dev.statamcp.bench.app.Tools;
import dev.statamcp.bench.client.StdioSession;
import dev.statamcp.bench.stats.Samples;
import dev.statamcp.bench.subject.ProcessTable;
import dev.statamcp.stata.run.RunHandle;
import dev.statamcp.stata.run.RunResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How fast a cancel takes effect. A run sits in {@code sleep 60000}; the clock starts when the cancel request is
 * written ({@code stata_job_cancel}) and stops when {@code --Break--} appears in the job's log (Break path), or
 * when no process of the Stata session's process group is left (kill path: the emulator ignores the Break, under
 * {@code FAKESTATA_IGNORE_BREAK=1}, so the server must kill it after its cancel grace). The group is the one of the
 * session pid the server reports ({@code stata_session status}), read from /proc. Baseline: the project's engine
 * alone in the harness, cancelling the same run through its own API with the same grace.
 */
public final class CancelScenario implements Scenario {
    static final String OURS = "stata-mcp";
    static final String OURS_SHORT_GRACE = "stata-mcp, grace 1 s";
    static final String ENGINE = "engine-alone";
    /** The server's default {@code cancel_grace_seconds} (server/.../config/Key.java). */
    static final int DEFAULT_GRACE_SECONDS = 2;

    /** Which end of the cancel path is timed. */
    public enum CancelPath {
        BREAK, KILL
    }

    private final CancelPath path;
    private final StringBuilder details = new StringBuilder();

    public CancelScenario(CancelPath path) {
        this.path = path;
    }

    @Override
    public String id() {
        return path == CancelPath.BREAK ? "jobs.cancel.break" : "jobs.cancel.kill";
    }

    @Override
    public String title() {
        return path == CancelPath.BREAK ? "Cancel, Break path: request → `--Break--` in the log"
                : "Cancel, kill path: request → Stata's process group gone";
    }

    @Override
    public String method() {
        String common = "A run sits in `sleep 60000` in a console session (started in the background, the clock"
                + " armed once its echo is in the log and 0.2 s have passed); the clock starts when `stata_job_cancel`"
                + " is written to the server's stdin. ";
        return common + (path == CancelPath.BREAK
                ? "It stops when `--Break--` appears in the job's log (tailed every 0.5 ms). The session survives, so"
                        + " every run uses the same Stata."
                : "The emulator ignores the Break (`FAKESTATA_IGNORE_BREAK=1`), so the server must kill Stata after"
                        + " its cancel grace (default " + DEFAULT_GRACE_SECONDS + " s); the clock stops when no process"
                        + " of the session's process group is left (the group of the pid `stata_session` reports,"
                        + " polled in /proc every 5 ms). Each run starts a fresh Stata first.")
                + " Baseline: the project's engine alone in the harness, same run, cancelled through its own API"
                + " (`RunHandle.cancel`) with the server's default grace"
                + (path == CancelPath.KILL ? " (" + DEFAULT_GRACE_SECONDS + " s; so the ratio of the 1 s row is not"
                        + " like for like: it is the grace, not the speed, that differs)." : ".");
    }

    @Override
    public List<Target> targets() {
        return path == CancelPath.BREAK
                ? List.of(new Target.Limit("Cancel: request → `--Break--` seen, p99 ≤ 200 ms", id(), List.of(OURS),
                        Target.Stat.P99, 200))
                : List.of(new Target.Limit("Cancel: request → process group gone (kill path, default grace), p99 ≤ 3 s",
                        id(), List.of(OURS), Target.Stat.P99, 3000),
                        new Target.Limit("Cancel: request → process group gone (kill path, `--cancel-grace-seconds 1`),"
                                + " p99 ≤ 3 s", id(), List.of(OURS_SHORT_GRACE), Target.Stat.P99, 3000));
    }

    @Override
    public String operation() {
        return "cancel";
    }

    @Override
    public String details() {
        return details.toString();
    }

    @Override
    public List<Measurement> run(BenchContext context) throws InterruptedException {
        Settings.Jobs sizes = context.settings().jobs();
        int runs = path == CancelPath.BREAK ? sizes.breakRuns() : sizes.killRuns();
        Path dir = context.freshDir(id());
        details.setLength(0);
        List<Measurement> out = new ArrayList<>();
        out.add(measureServer(context, dir.resolve("ours"), OURS, DEFAULT_GRACE_SECONDS, runs));
        if (path == CancelPath.KILL) {
            out.add(measureServer(context, dir.resolve("ours-grace1"), OURS_SHORT_GRACE, 1, runs));
        }
        out.add(measureEngine(context, dir.resolve("engine"), runs));
        return out;
    }

    private Map<String, String> stataEnvironment() {
        return path == CancelPath.KILL ? Map.of("FAKESTATA_IGNORE_BREAK", "1") : Map.of();
    }

    private Measurement measureServer(BenchContext context, Path dir, String subject, int graceSeconds,
                                      int runs) {
        context.say("  %s: %d cancels", subject, runs);
        AppServer.Options options = AppServer.Options.stdio(context.root(), dir.resolve("data"), dir.resolve("work"),
                        context.logDir().resolve("stata-mcp." + id() + "." + graceSeconds + ".stderr.log"))
                .flag("--cancel-grace-seconds", Integer.toString(graceSeconds));
        for (var e : stataEnvironment().entrySet()) {
            options = options.env(e.getKey(), e.getValue());
        }
        Samples samples = new Samples(runs);
        List<String> statuses = new ArrayList<>();
        long peakKb = -1;
        try (AppServer server = AppServer.start(options)) {
            StdioSession client = server.stdio();
            for (int run = 1; run <= runs; run++) {
                if (run == 1 || path == CancelPath.KILL) {
                    // Starts Stata (a fresh one after each kill) before the clock can run.
                    JsonNode warm = client.tool("stata_run", Tools.args("code", "display 1"), Duration.ofMinutes(3));
                    if (!"succeeded".equals(Tools.status(warm))) {
                        throw new IllegalStateException("the warm-up run did not succeed: " + Tools.text(warm));
                    }
                }
                long pid = client.tool("stata_session", Tools.args("action", "status"), Duration.ofSeconds(30))
                        .path("structuredContent").path("sessions").path(0).path("pid").asLong(-1);
                ProcessTable.Entry stata = ProcessTable.read(pid);
                if (stata == null) {
                    throw new IllegalStateException("the server reported no live Stata pid (got " + pid + ")");
                }
                JsonNode started = client.tool("stata_run", Tools.args("code", "sleep 60000", "background", true),
                        Duration.ofSeconds(30));
                String jobId = Tools.jobId(started);
                if (jobId == null) {
                    throw new IllegalStateException("no job id for the background run: " + Tools.text(started));
                }
                AtomicLong breakSeen = new AtomicLong();
                AtomicLong sleeping = new AtomicLong();
                try (LogTail tail = new LogTail(() -> server.jobLog(jobId), (line, at) -> {
                    if (line.startsWith(". sleep 60000")) {
                        sleeping.compareAndSet(0, at);
                    } else if (line.startsWith("--Break--")) {
                        breakSeen.compareAndSet(0, at);
                    }
                })) {
                    awaitNonZero(sleeping, Duration.ofSeconds(60), "the run's `sleep` never appeared in its log");
                    Thread.sleep(200);
                    long start = System.nanoTime();
                    CompletableFuture<JsonNode> answer = client.callTool("stata_job_cancel",
                            Tools.args("job_id", jobId), null);
                    long end = path == CancelPath.BREAK
                            ? awaitNonZero(breakSeen, Duration.ofSeconds(30), "no `--Break--` within 30 s")
                            : awaitGroupGone(stata.pgid(), Duration.ofSeconds(60));
                    samples.add(end - start);
                    JsonNode result = StdioSession.await(answer, "stata_job_cancel", Duration.ofSeconds(60));
                    statuses.add(Tools.status(result));
                }
            }
            peakKb = server.peakRssKb();
        } catch (Exception e) {
            return Measurement.failed(id(), subject, true, String.valueOf(e.getMessage()));
        }
        details.append(String.format(Locale.ROOT, "- %s: job status after each cancel: %s%n", subject,
                summarize(statuses)));
        return new Measurement(id(), subject, true, samples.summary(), Double.NaN, peakKb, Double.NaN, "");
    }

    private Measurement measureEngine(BenchContext context, Path dir, int runs) {
        context.say("  %s: %d cancels", ENGINE, runs);
        Duration grace = Duration.ofSeconds(DEFAULT_GRACE_SECONDS);
        Samples samples = new Samples(runs);
        List<String> outcomes = new ArrayList<>();
        try (EngineAlone engine = EngineAlone.start(context.root(), dir, stataEnvironment(), grace)) {
            for (int run = 1; run <= runs; run++) {
                if (run == 1 || path == CancelPath.KILL) {
                    RunResult warm = engine.run("display 1", Duration.ofMinutes(3));
                    if (!warm.succeeded()) {
                        throw new IllegalStateException("the engine's warm-up run failed: " + warm.outcome().summary());
                    }
                }
                long pid = engine.sessionPid().orElse(-1);
                ProcessTable.Entry stata = ProcessTable.read(pid);
                if (stata == null) {
                    throw new IllegalStateException("the engine reported no live Stata pid (got " + pid + ")");
                }
                Path log = dir.resolve("run-" + run + ".log");
                AtomicLong breakSeen = new AtomicLong();
                AtomicLong sleeping = new AtomicLong();
                try (LogTail tail = new LogTail(() -> log, (line, at) -> {
                    if (line.startsWith(". sleep 60000")) {
                        sleeping.compareAndSet(0, at);
                    } else if (line.startsWith("--Break--")) {
                        breakSeen.compareAndSet(0, at);
                    }
                })) {
                    RunHandle handle = engine.submit("sleep 60000", log);
                    awaitNonZero(sleeping, Duration.ofSeconds(60), "the run's `sleep` never appeared in its log");
                    Thread.sleep(200);
                    long start = System.nanoTime();
                    handle.cancel(grace);
                    long end = path == CancelPath.BREAK
                            ? awaitNonZero(breakSeen, Duration.ofSeconds(30), "no `--Break--` within 30 s")
                            : awaitGroupGone(stata.pgid(), Duration.ofSeconds(60));
                    samples.add(end - start);
                    outcomes.add(handle.result().get(60, TimeUnit.SECONDS).outcome().getClass().getSimpleName());
                }
            }
        } catch (Exception e) {
            return Measurement.failed(id(), ENGINE, false, String.valueOf(e.getMessage()));
        }
        details.append(String.format(Locale.ROOT, "- %s: run outcome after each cancel: %s%n", ENGINE,
                summarize(outcomes)));
        return new Measurement(id(), ENGINE, false, samples.summary(), Double.NaN, -1, Double.NaN, "");
    }

    /** Waits until the stamp is set and returns it. */
    private static long awaitNonZero(AtomicLong stamp, Duration max, String failure) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (stamp.get() == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(failure);
            }
            Thread.sleep(1);
        }
        return stamp.get();
    }

    /** Polls /proc until no live process is in the group; returns the moment it was first seen empty. */
    private static long awaitGroupGone(long pgid, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!ProcessTable.group(pgid).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("process group " + pgid + " still has members after "
                        + max.toSeconds() + " s");
            }
            Thread.sleep(5);
        }
        return System.nanoTime();
    }

    /** "cancelled ×20" or "cancelled ×19, failed ×1". */
    static String summarize(List<String> values) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        values.forEach(v -> counts.merge(v.isEmpty() ? "(none)" : v, 1L, Long::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((k, v) -> parts.add(k + " ×" + v));
        return String.join(", ", parts);
    }
}
