package dev.statamcp.bench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.bench.app.AppServer;
import dev.statamcp.bench.app.EngineAlone;
import dev.statamcp.bench.app.Tools;
import dev.statamcp.bench.client.HttpMcpClient;
import dev.statamcp.bench.stats.Samples;
import dev.statamcp.stata.run.RunHandle;
import dev.statamcp.stata.run.RunResult;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Many clients, many sessions, many jobs: N MCP clients over Streamable HTTP, each with a Stata session of its own,
 * each submitting M background jobs at once and then collecting every result. Each job appends its number to a
 * global macro and displays it, so a job's output is the whole order its session ran in so far: per-session FIFO is
 * proven from the results themselves, together with the start times the server reports. Baseline: the project's
 * engine alone in the harness with as many sessions, the same runs submitted the same way.
 */
public final class ScaleScenario implements Scenario {
    public static final String ID = "jobs.scale";
    static final String OURS = "stata-mcp";
    static final String ENGINE = "engine-alone";

    private final StringBuilder details = new StringBuilder();
    private final List<TargetResult> verdicts = new ArrayList<>();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Scale: many sessions × many jobs (Streamable HTTP)";
    }

    @Override
    public String method() {
        return "N clients over Streamable HTTP (one MCP session each, one thread each), each with a Stata session of"
                + " its own (`--max-sessions N+1`: one more for the warm-up run), submit M jobs each with `stata_run` (`background: true`) as fast as"
                + " the server answers, then wait for the last with `stata_job_wait` and fetch every result with"
                + " `stata_job_result`. Each job runs `global trail \"${trail} j\"` and displays the trail, so its"
                + " output lists every job its session ran before it, in order. Latency is per job, created → finished"
                + " as the server records them; throughput is jobs over first created → last finished. Memory is the"
                + " server's RSS and its Java heap after a full GC (`jcmd`), after a warm-up run and again after all"
                + " jobs. Baseline: the project's engine alone in the harness, same sessions and runs, submit → result.";
    }

    @Override
    public String operation() {
        return "job";
    }

    @Override
    public String details() {
        return details.toString();
    }

    @Override
    public List<TargetResult> judge(List<Measurement> all) {
        // The issue sets no limit on throughput or memory here: they are reported with the engine alone beside them.
        return List.copyOf(verdicts);
    }

    /** One job as the server reported it. */
    record JobFacts(int session, int job, Instant created, Instant started, Instant finished, boolean trailOk) {
    }

    @Override
    public List<Measurement> run(BenchContext context) throws InterruptedException {
        Settings.Jobs sizes = context.settings().jobs();
        int sessions = sizes.scaleSessions();
        int jobs = sizes.scaleJobs();
        Path dir = context.freshDir("scale");
        details.setLength(0);
        verdicts.clear();
        List<Measurement> out = new ArrayList<>();
        try {
            out.add(measureServer(context, dir, sessions, jobs));
        } catch (Exception e) {
            out.add(Measurement.failed(ID, OURS, true, String.valueOf(e.getMessage())));
            verdicts.add(TargetResult.notMeasured(label(sessions, jobs), "the run failed: " + e.getMessage()));
        }
        try {
            out.add(measureEngine(context, dir.resolve("engine"), sessions, jobs));
        } catch (Exception e) {
            out.add(Measurement.failed(ID, ENGINE, false, String.valueOf(e.getMessage())));
        }
        if (out.stream().allMatch(Measurement::succeeded)) {
            details.append(String.format(Locale.ROOT, "- Throughput, %s / %s: %.2f× (per-job latency is not like for"
                            + " like: the engine alone gets every run at once, the server's clients one call at a"
                            + " time).%n", OURS, ENGINE,
                    out.get(0).throughputPerSecond() / out.get(1).throughputPerSecond()));
        }
        return out;
    }

    private static String label(int sessions, int jobs) {
        return "Scale: " + sessions + " sessions × " + jobs + " jobs, every result back and per-session FIFO";
    }

    static String code(int job) {
        return "global trail \"${trail} " + job + "\"\ndisplay \"TRAIL ${trail}\"";
    }

    /** Whether the job's output shows exactly jobs 1..job of its session, in order. */
    static boolean trailOk(String output, int job) {
        StringBuilder expected = new StringBuilder("TRAIL");
        for (int k = 1; k <= job; k++) {
            expected.append(' ').append(k);
        }
        for (String line : output.split("\n")) {
            // The first job's trail starts with a space ("TRAIL  1"): compare words, not spacing.
            if (line.strip().replaceAll("\\s+", " ").equals(expected.toString())) {
                return true;
            }
        }
        return false;
    }

    private Measurement measureServer(BenchContext context, Path dir, int sessions, int jobs) throws Exception {
        context.say("  %s: %d sessions × %d jobs over HTTP", OURS, sessions, jobs);
        AppServer.Options options = AppServer.Options.stdio(context.root(), dir.resolve("data"), dir.resolve("work"),
                        context.logDir().resolve("stata-mcp." + ID + ".stderr.log"))
                .overHttp().flag("--max-sessions", Integer.toString(sessions + 1)); // and the warm-up's
        try (AppServer server = AppServer.start(options)) {
            try (HttpMcpClient warm = HttpMcpClient.initialize("127.0.0.1", server.port(), "/mcp")) {
                JsonNode result = call(warm, 0, "stata_run", Tools.args("code", "display 1", "session", "warm"));
                if (!"succeeded".equals(Tools.status(result))) {
                    throw new IllegalStateException("the warm-up run did not succeed: " + Tools.text(result));
                }
            }
            long rssBefore = server.rssKb();
            long heapBefore = server.heapUsedKb(true);
            ExecutorService pool = Executors.newFixedThreadPool(sessions);
            List<Future<List<JobFacts>>> futures = new ArrayList<>();
            long start = System.nanoTime();
            for (int s = 1; s <= sessions; s++) {
                int session = s;
                futures.add(pool.submit(() -> oneClient(server.port(), session, jobs)));
            }
            List<JobFacts> all = new ArrayList<>();
            for (Future<List<JobFacts>> f : futures) {
                all.addAll(f.get(2, TimeUnit.HOURS));
            }
            long wall = System.nanoTime() - start;
            pool.shutdown();
            long rssAfter = server.rssKb();
            long heapAfter = server.heapUsedKb(true);
            long peak = server.peakRssKb();
            return summarize(all, sessions, jobs, wall, rssBefore, heapBefore, rssAfter, heapAfter, peak);
        }
    }

    /** One client: submits its jobs, waits for the last, fetches every result. */
    private static List<JobFacts> oneClient(int port, int session, int jobs) throws Exception {
        String name = "s" + session;
        List<String> ids = new ArrayList<>();
        try (HttpMcpClient client = HttpMcpClient.initialize("127.0.0.1", port, "/mcp")) {
            int id = 1;
            for (int j = 1; j <= jobs; j++) {
                JsonNode accepted = call(client, id++, "stata_run", Tools.args("code", code(j), "session", name,
                        "background", true));
                String jobId = Tools.jobId(accepted);
                if (jobId == null) {
                    throw new IllegalStateException("job " + j + " of session " + name + " was not accepted: "
                            + Tools.text(accepted));
                }
                ids.add(jobId);
            }
            String last = ids.get(ids.size() - 1);
            for (int round = 0; round < 240; round++) {
                JsonNode waited = call(client, id++, "stata_job_wait", Tools.args("job_id", last, "seconds", 30));
                String status = Tools.status(waited);
                if (!status.equals("queued") && !status.equals("running")) {
                    break;
                }
            }
            List<JobFacts> facts = new ArrayList<>();
            for (int j = 1; j <= jobs; j++) {
                JsonNode result = call(client, id++, "stata_job_result", Tools.args("job_id", ids.get(j - 1)));
                JsonNode s = Tools.structured(result);
                if (!"succeeded".equals(s.path("status").asText())) {
                    throw new IllegalStateException("job " + j + " of session " + name + " ended "
                            + s.path("status").asText() + ": " + Tools.text(result));
                }
                // The result carries no timestamps; the job's status does (as the server stored them).
                JsonNode v = Tools.structured(call(client, id++, "stata_job_status", Tools.args("job_id",
                        ids.get(j - 1))));
                if (!v.hasNonNull("created_at") || !v.hasNonNull("started_at") || !v.hasNonNull("finished_at")) {
                    throw new IllegalStateException("job " + j + " of session " + name + " has no timestamps: " + v);
                }
                facts.add(new JobFacts(session, j, Instant.parse(v.path("created_at").asText()),
                        Instant.parse(v.path("started_at").asText()), Instant.parse(v.path("finished_at").asText()),
                        trailOk(Tools.text(result), j)));
            }
            return facts;
        }
    }

    private static JsonNode call(HttpMcpClient client, int id, String tool, ObjectNode args) throws Exception {
        ObjectNode request = Tools.MAPPER.createObjectNode().put("jsonrpc", "2.0").put("id", id)
                .put("method", "tools/call");
        request.putObject("params").put("name", tool).set("arguments", args);
        JsonNode response = client.call(Tools.MAPPER.writeValueAsString(request), Integer.toString(id));
        return response.path("result");
    }

    private Measurement summarize(List<JobFacts> all, int sessions, int jobs, long wallNanos, long rssBefore,
                                  long heapBefore, long rssAfter, long heapAfter, long peak) {
        Samples latency = new Samples(all.size());
        Instant first = Instant.MAX;
        Instant last = Instant.MIN;
        int trailsOk = 0;
        int fifoBreaks = 0;
        Map<Integer, Instant> sessionLast = new java.util.TreeMap<>();
        Map<Integer, Instant> previousStart = new java.util.HashMap<>();
        for (JobFacts f : all) {
            latency.add(Duration.between(f.created(), f.finished()).toNanos());
            first = f.created().isBefore(first) ? f.created() : first;
            last = f.finished().isAfter(last) ? f.finished() : last;
            trailsOk += f.trailOk() ? 1 : 0;
            Instant before = previousStart.put(f.session(), f.started());
            if (before != null && f.started().isBefore(before)) {
                fifoBreaks++;
            }
            sessionLast.merge(f.session(), f.finished(), (a, b) -> a.isAfter(b) ? a : b);
        }
        double spanSeconds = Duration.between(first, last).toNanos() / 1e9;
        double throughput = all.size() / spanSeconds;
        Instant earliestDone = sessionLast.values().stream().min(Instant::compareTo).orElse(last);
        double spread = Duration.between(earliestDone, last).toNanos() / 1e9;
        int expected = sessions * jobs;
        boolean ok = all.size() == expected && trailsOk == expected && fifoBreaks == 0;
        verdicts.add(new TargetResult(label(sessions, jobs), ok ? TargetResult.Verdict.MET
                : TargetResult.Verdict.NOT_MET, String.format(Locale.ROOT, "%d of %d results back, %d with their"
                        + " session's full trail in order, %d start-order inversions; %.1f jobs/s", all.size(),
                expected, trailsOk, fifoBreaks, throughput)));
        details.append(String.format(Locale.ROOT, "- %s: %d sessions × %d jobs in %.1f s (first created → last"
                        + " finished %.1f s), %.1f jobs/s; sessions finished within %.1f s of each other (earliest"
                        + " session's last job → latest); %d of %d outputs show their session's full trail in order;"
                        + " %d start-order inversions within a session.%n", OURS, sessions, jobs, wallNanos / 1e9,
                spanSeconds, throughput, spread, trailsOk, expected, fifoBreaks));
        details.append(String.format(Locale.ROOT, "- %s memory: RSS %.0f MiB before → %.0f MiB after (peak %.0f MiB);"
                        + " Java heap in use after a full GC %s → %s.%n", OURS, rssBefore / 1024.0, rssAfter / 1024.0,
                peak / 1024.0, mib(heapBefore), mib(heapAfter)));
        return new Measurement(ID, OURS, true, latency.summary(), throughput, peak, Double.NaN,
                sessions + " clients");
    }

    private static String mib(long kb) {
        return kb < 0 ? "(jcmd failed)" : String.format(Locale.ROOT, "%.1f MiB", kb / 1024.0);
    }

    private Measurement measureEngine(BenchContext context, Path dir, int sessions, int jobs) throws Exception {
        context.say("  %s: %d sessions × %d runs", ENGINE, sessions, jobs);
        try (EngineAlone engine = EngineAlone.start(context.root(), dir, Map.of(), Duration.ofSeconds(3),
                sessions + 1)) {
            RunResult warm = engine.run("display 1", Duration.ofMinutes(3));
            if (!warm.succeeded()) {
                throw new IllegalStateException("the engine's warm-up run failed: " + warm.outcome().summary());
            }
            ExecutorService pool = Executors.newFixedThreadPool(sessions);
            List<Future<List<long[]>>> futures = new ArrayList<>();
            long start = System.nanoTime();
            for (int s = 1; s <= sessions; s++) {
                String name = "s" + s;
                futures.add(pool.submit(() -> {
                    List<RunHandle> handles = new ArrayList<>();
                    List<long[]> times = new ArrayList<>();
                    List<java.util.concurrent.CompletableFuture<Void>> stamped = new ArrayList<>();
                    for (int j = 1; j <= jobs; j++) {
                        long[] t = {System.nanoTime(), 0};
                        RunHandle h = engine.submitTo(name, code(j));
                        // Stamped when the result completes, not when this thread gets round to looking.
                        stamped.add(h.result().thenAccept(r -> t[1] = System.nanoTime()));
                        handles.add(h);
                        times.add(t);
                    }
                    for (int j = 1; j <= jobs; j++) {
                        stamped.get(j - 1).get(2, TimeUnit.HOURS);
                        RunResult r = handles.get(j - 1).result().get();
                        if (!r.succeeded() || !trailOk(r.text(), j)) {
                            throw new IllegalStateException("engine run " + j + " of " + name + " failed or lost"
                                    + " its order: " + r.outcome().summary() + ": " + r.text());
                        }
                    }
                    return times;
                }));
            }
            Samples latency = new Samples(sessions * jobs);
            long lastDone = start;
            for (Future<List<long[]>> f : futures) {
                for (long[] t : f.get(2, TimeUnit.HOURS)) {
                    latency.add(t[1] - t[0]);
                    lastDone = Math.max(lastDone, t[1]);
                }
            }
            pool.shutdown();
            double throughput = sessions * jobs / ((lastDone - start) / 1e9);
            details.append(String.format(Locale.ROOT, "- %s: %.1f runs/s, every output with its session's full"
                    + " trail in order.%n", ENGINE, throughput));
            return new Measurement(ID, ENGINE, false, latency.summary(), throughput, -1, Double.NaN,
                    sessions + " clients");
        }
    }
}
