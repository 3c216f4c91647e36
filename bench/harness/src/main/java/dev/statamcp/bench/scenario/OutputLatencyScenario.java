package dev.statamcp.bench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statamcp.bench.app.AppServer;
import dev.statamcp.bench.app.EngineAlone;
import dev.statamcp.bench.app.LogTail;
import dev.statamcp.bench.app.Tools;
import dev.statamcp.bench.client.StdioSession;
import dev.statamcp.bench.stats.Samples;
import dev.statamcp.bench.stats.Summary;
import dev.statamcp.stata.log.OutputLine;
import dev.statamcp.stata.run.RunListener;
import dev.statamcp.stata.run.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a line Stata writes takes to reach the client as a notification. A do-file prints numbered lines at
 * three paces (one a second; ten a second; bursts of ten back to back, half a second apart); the harness stamps each
 * line when it appears in the job's log file (tailed every half millisecond) and again when a
 * {@code notifications/message} (or a progress message) carrying it is read off the server's stdout. The baseline is
 * the project's engine alone in the harness (same emulator, same do-file, its line event instead of a
 * notification): what the engine's own tailing costs, without job store, job events and MCP.
 */
public final class OutputLatencyScenario implements Scenario {
    public static final String ID = "jobs.output-latency";
    static final String OURS = "stata-mcp";
    static final String ENGINE = "engine-alone";
    private static final Pattern SEQ = Pattern.compile("SEQ (\\d+)");
    private static final Pattern PROGRESS_SEQ = Pattern.compile(" · SEQ (\\d+)$");

    private final StringBuilder details = new StringBuilder();

    /** A stretch of the do-file's lines written at one pace. */
    record Phase(String name, int first, int last) {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Output latency: a line written by Stata → the client's notification (stdio)";
    }

    @Override
    public String method() {
        return "A do-file run with `stata_run_file` (synchronous, with a progress token) prints numbered lines at three"
                + " paces. Each line is stamped when it appears in the job's log file (the harness tails it every"
                + " 0.5 ms) and when the first `notifications/message` or progress message carrying it is read from"
                + " the server's stdout; latency is the difference. Baseline: the project's engine alone in the"
                + " harness (no MCP, no job store), same emulator and do-file, timed to its line event.";
    }

    @Override
    public List<Target> targets() {
        return List.of(new Target.Limit("Output latency: fakestata line → progress/log notification, p99 ≤ 250 ms",
                ID, List.of(OURS), Target.Stat.P99, 250));
    }

    @Override
    public String operation() {
        return "line";
    }

    @Override
    public String details() {
        return details.toString();
    }

    @Override
    public List<Measurement> run(BenchContext context) throws InterruptedException {
        Settings.Jobs sizes = context.settings().jobs();
        Path dir = context.freshDir("output-latency");
        List<Phase> phases = new ArrayList<>();
        Path doFile;
        try {
            doFile = writeDoFile(dir.resolve("work"), sizes, phases);
        } catch (java.io.IOException e) {
            return List.of(Measurement.failed(ID, OURS, true, "cannot write the do-file: " + e.getMessage()));
        }
        int lines = phases.get(phases.size() - 1).last();
        Map<Integer, Long> oursWritten = new ConcurrentHashMap<>();
        Map<Integer, Long> oursSeen = new ConcurrentHashMap<>();
        Map<Integer, Long> engineWritten = new ConcurrentHashMap<>();
        Map<Integer, Long> engineSeen = new ConcurrentHashMap<>();
        List<Measurement> out = new ArrayList<>();
        long[] rss = {-1};
        try {
            context.say("  %s: %d lines through the server", OURS, lines);
            measureServer(context, dir, doFile, oursWritten, oursSeen, rss);
            out.add(measurement(OURS, true, oursWritten, oursSeen, lines, rss[0]));
        } catch (Exception e) {
            out.add(Measurement.failed(ID, OURS, true, e.getMessage()));
        }
        try {
            context.say("  %s: %d lines through the engine alone", ENGINE, lines);
            measureEngine(context, dir, doFile, engineWritten, engineSeen);
            out.add(measurement(ENGINE, false, engineWritten, engineSeen, lines, -1));
        } catch (Exception e) {
            out.add(Measurement.failed(ID, ENGINE, false, e.getMessage()));
        }
        describePhases(phases, oursWritten, oursSeen, engineWritten, engineSeen);
        return out;
    }

    static Path writeDoFile(Path work, Settings.Jobs sizes, List<Phase> phases) throws java.io.IOException {
        StringBuilder code = new StringBuilder("* Output latency: numbered lines at three paces\n");
        int seq = 0;
        int first = seq + 1;
        for (int i = 0; i < sizes.sparseLines(); i++) {
            code.append("display \"SEQ ").append(++seq).append("\"\nsleep 1000\n");
        }
        phases.add(new Phase("one line a second", first, seq));
        first = seq + 1;
        for (int i = 0; i < sizes.steadyLines(); i++) {
            code.append("display \"SEQ ").append(++seq).append("\"\nsleep 100\n");
        }
        phases.add(new Phase("ten lines a second", first, seq));
        first = seq + 1;
        for (int b = 0; b < sizes.bursts(); b++) {
            for (int i = 0; i < 10; i++) {
                code.append("display \"SEQ ").append(++seq).append("\"\n");
            }
            code.append("sleep 500\n");
        }
        phases.add(new Phase("bursts of ten, 0.5 s apart", first, seq));
        Files.createDirectories(work);
        return Files.writeString(work.resolve("latency.do"), code.toString());
    }

    private static void measureServer(BenchContext context, Path dir, Path doFile, Map<Integer, Long> written,
                                      Map<Integer, Long> seen, long[] rss) throws Exception {
        AppServer.Options options = AppServer.Options.stdio(context.root(), dir.resolve("data"), doFile.getParent(),
                context.logDir().resolve("stata-mcp." + ID + ".stderr.log"));
        try (AppServer server = AppServer.start(options)) {
            StdioSession client = server.stdio();
            // Starts Stata (and the JIT) before anything is timed.
            JsonNode warm = client.tool("stata_run", Tools.args("code", "display 1"), Duration.ofMinutes(3));
            if (!"succeeded".equals(Tools.status(warm))) {
                throw new IllegalStateException("the warm-up run did not succeed: " + Tools.text(warm));
            }
            List<Path> before = jobFolders(server.dataDir());
            client.onNotification(n -> {
                JsonNode params = n.message().path("params");
                if (n.method().equals("notifications/message")) {
                    for (String line : params.path("data").asText("").split("\n")) {
                        Matcher m = SEQ.matcher(line);
                        if (m.matches()) {
                            seen.putIfAbsent(Integer.parseInt(m.group(1)), n.receivedNanos());
                        }
                    }
                } else if (n.method().equals("notifications/progress")) {
                    Matcher m = PROGRESS_SEQ.matcher(params.path("message").asText(""));
                    if (m.find()) {
                        seen.putIfAbsent(Integer.parseInt(m.group(1)), n.receivedNanos());
                    }
                }
            });
            try (LogTail tail = new LogTail(() -> newJobLog(server.dataDir(), before), stamp(written))) {
                JsonNode result = StdioSession.await(client.callTool("stata_run_file",
                        Tools.args("path", doFile.toString()), "latency"), "stata_run_file", Duration.ofMinutes(30));
                if (!"succeeded".equals(Tools.status(result))) {
                    throw new IllegalStateException("the run did not succeed: " + Tools.text(result));
                }
            }
            rss[0] = server.peakRssKb();
        }
    }

    private static void measureEngine(BenchContext context, Path dir, Path doFile, Map<Integer, Long> written,
                                      Map<Integer, Long> seen) throws Exception {
        Path engineDir = Files.createDirectories(dir.resolve("engine"));
        Path log = engineDir.resolve("run.log");
        try (EngineAlone engine = EngineAlone.start(context.root(), engineDir)) {
            RunResult warm = engine.run("display 1", Duration.ofMinutes(3));
            if (!warm.succeeded()) {
                throw new IllegalStateException("the engine's warm-up run failed: " + warm.outcome().summary());
            }
            RunListener listener = new RunListener() {
                @Override
                public void line(OutputLine line) {
                    Matcher m = SEQ.matcher(line.text());
                    if (m.matches()) {
                        seen.putIfAbsent(Integer.parseInt(m.group(1)), System.nanoTime());
                    }
                }
            };
            try (LogTail tail = new LogTail(() -> log, stamp(written))) {
                RunResult result = engine.runDoFile(doFile, log, listener, Duration.ofMinutes(30));
                if (!result.succeeded()) {
                    throw new IllegalStateException("the engine's run failed: " + result.outcome().summary());
                }
            }
        }
    }

    private static java.util.function.ObjLongConsumer<String> stamp(Map<Integer, Long> written) {
        return (line, nanos) -> {
            Matcher m = SEQ.matcher(line);
            if (m.matches()) {
                written.putIfAbsent(Integer.parseInt(m.group(1)), nanos);
            }
        };
    }

    static List<Path> jobFolders(Path dataDir) {
        try (var list = Files.list(dataDir.resolve("jobs"))) {
            return list.toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    /** The log of the job folder that was not there before (the run being measured), or null until it exists. */
    static Path newJobLog(Path dataDir, List<Path> before) {
        for (Path folder : jobFolders(dataDir)) {
            if (!before.contains(folder)) {
                return folder.resolve("stata.log");
            }
        }
        return null;
    }

    private static Measurement measurement(String subject, boolean ours, Map<Integer, Long> written,
                                           Map<Integer, Long> seen, int lines, long rss) {
        Samples samples = latencies(written, seen, 1, lines);
        int missing = lines - samples.size();
        if (samples.size() == 0) {
            return Measurement.failed(ID, subject, ours, "no line was both written and seen");
        }
        return new Measurement(ID, subject, ours, samples.summary(), Double.NaN, rss, Double.NaN,
                missing == 0 ? "" : missing + " of " + lines + " lines never seen");
    }

    private static Samples latencies(Map<Integer, Long> written, Map<Integer, Long> seen, int first, int last) {
        Samples samples = new Samples(last - first + 1);
        for (int k = first; k <= last; k++) {
            Long w = written.get(k);
            Long s = seen.get(k);
            if (w != null && s != null) {
                samples.add(s - w);
            }
        }
        return samples;
    }

    private void describePhases(List<Phase> phases, Map<Integer, Long> oursWritten, Map<Integer, Long> oursSeen,
                                Map<Integer, Long> engineWritten, Map<Integer, Long> engineSeen) {
        details.setLength(0);
        details.append("By pace (median / p99 / max, ms):\n\n");
        details.append("| pace | lines | ").append(OURS).append(" | ").append(ENGINE).append(" |\n|---|---|---|---|\n");
        for (Phase p : phases) {
            details.append("| ").append(p.name()).append(" | ").append(p.last() - p.first() + 1).append(" | ")
                    .append(cell(latencies(oursWritten, oursSeen, p.first(), p.last()), p))
                    .append(" | ").append(cell(latencies(engineWritten, engineSeen, p.first(), p.last()), p))
                    .append(" |\n");
        }
    }

    private static String cell(Samples samples, Phase p) {
        if (samples.size() == 0) {
            return "none seen";
        }
        Summary s = samples.summary();
        int missing = p.last() - p.first() + 1 - samples.size();
        return String.format(Locale.ROOT, "%.1f / %.1f / %.1f%s", s.medianMs(), s.p99Ms(), s.maxMs(),
                missing > 0 ? " (" + missing + " not seen)" : "");
    }
}
