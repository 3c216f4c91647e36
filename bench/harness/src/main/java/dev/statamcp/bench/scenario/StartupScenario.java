package dev.statamcp.bench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statamcp.bench.client.JsonRpc;
import dev.statamcp.bench.client.LineReader;
import dev.statamcp.bench.client.RpcException;
import dev.statamcp.bench.stats.Samples;
import dev.statamcp.bench.subject.ServerProcess;
import dev.statamcp.bench.subject.ServerSubject;
import dev.statamcp.bench.subject.Subjects;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Process spawn until the answer to {@code initialize} has been read over stdio. */
public final class StartupScenario implements Scenario {
    public static final String ID = "startup.stdio";
    private static final List<String> REAL_SERVER = List.of(Subjects.STATA_MCP_LAUNCHER, Subjects.STATA_MCP);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Startup: process spawn → `initialize` answered (stdio)";
    }

    @Override
    public String method() {
        return "The clock starts before the process is spawned; the `initialize` request is written at once (the pipe"
                + " holds it until the server reads) and the clock stops when its answer has been read. Runs are"
                + " interleaved across servers after warm-up spawns (page cache, CDS archives). Peak RSS is VmHWM"
                + " right after the answer.";
    }

    @Override
    public List<Target> targets() {
        return List.of(
                new Target.Limit("Startup ≤ 300 ms", ID, REAL_SERVER, Target.Stat.MEDIAN, 300),
                new Target.Ratio("Startup ≤ 0.4 × the Java SDK server", ID, REAL_SERVER, Target.Stat.MEDIAN, 0.4,
                        Subjects.JAVA_SDK));
    }

    @Override
    public List<Measurement> run(BenchContext context) {
        Settings settings = context.settings();
        List<ServerSubject> subjects = context.subjects().startup();
        Map<String, Samples> samples = new LinkedHashMap<>();
        Map<String, Long> peakRss = new LinkedHashMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        for (ServerSubject subject : subjects) {
            samples.put(subject.name(), new Samples(settings.startupRuns()));
            peakRss.put(subject.name(), -1L);
        }
        for (int run = -settings.startupWarmup(); run < settings.startupRuns(); run++) {
            for (int i = 0; i < subjects.size(); i++) {
                // Rotate the order so no server always runs right after the same one.
                ServerSubject subject = subjects.get(Math.floorMod(i + run, subjects.size()));
                if (failures.containsKey(subject.name())) {
                    continue;
                }
                try {
                    long[] rss = new long[1];
                    long nanos = spawnToInitialized(context, subject, rss);
                    if (run >= 0) {
                        samples.get(subject.name()).add(nanos);
                        peakRss.merge(subject.name(), rss[0], Math::max);
                    }
                } catch (IOException e) {
                    failures.put(subject.name(), e.getMessage());
                    context.say("  %s: startup failed: %s", subject.name(), e.getMessage());
                }
            }
        }
        List<Measurement> measurements = new ArrayList<>();
        for (ServerSubject subject : subjects) {
            String failure = failures.get(subject.name());
            if (failure != null) {
                measurements.add(Measurement.failed(ID, subject.name(), subject.isOurs(), failure));
            } else {
                measurements.add(new Measurement(ID, subject.name(), subject.isOurs(),
                        samples.get(subject.name()).summary(), Double.NaN, peakRss.get(subject.name()), Double.NaN,
                        ""));
            }
        }
        return measurements;
    }

    private static long spawnToInitialized(BenchContext context, ServerSubject subject, long[] rss)
            throws IOException {
        long start = System.nanoTime();
        ServerProcess server = ServerProcess.start(subject.stdioCommand(), subject.workDir(),
                context.logDir().resolve(subject.name() + ".startup.stderr.log"));
        try (server; Watchdog watchdog = new Watchdog(server, 60)) {
            server.stdin().write(JsonRpc.utf8(JsonRpc.initialize(0) + "\n"));
            server.stdin().flush();
            LineReader reader = new LineReader(server.stdout(), 16 * 1024 * 1024);
            while (true) {
                LineReader.Line line = reader.next();
                if (line == null) {
                    throw new RpcException("the server exited before answering initialize; see "
                            + server.stderrLog());
                }
                JsonNode message = JsonRpc.parse(line.bytes());
                if ("0".equals(JsonRpc.idText(message))) {
                    long elapsed = System.nanoTime() - start;
                    if (!message.path("result").has("protocolVersion")) {
                        throw new RpcException("initialize was answered with " + message);
                    }
                    rss[0] = server.peakRssKb();
                    return elapsed;
                }
            }
        }
    }
}
