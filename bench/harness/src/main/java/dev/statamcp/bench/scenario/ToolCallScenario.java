package dev.statamcp.bench.scenario;

import dev.statamcp.bench.stats.Samples;
import dev.statamcp.bench.subject.ServerSubject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;

/**
 * Round trips of the no-op tool on the protocol-layer servers, over one transport, from one client or from several
 * at once. All servers run side by side; measured calls go in batches that alternate between them.
 */
public final class ToolCallScenario implements Scenario {
    private final Transport transport;
    private final boolean concurrent;

    public ToolCallScenario(Transport transport, boolean concurrent) {
        this.transport = transport;
        this.concurrent = concurrent;
    }

    @Override
    public String id() {
        return "call." + transport.id() + (concurrent ? ".concurrent" : ".sequential");
    }

    @Override
    public String title() {
        return "Tool call round trip, " + transport.label() + ", " + (concurrent ? "concurrent clients"
                : "one client, sequential calls");
    }

    @Override
    public String method() {
        String who = concurrent
                ? (transport == Transport.STDIO ? "N threads share one stdio connection (up to N calls in flight),"
                        : "N clients, each with its own session and keep-alive connection,")
                        + " each calling in a loop"
                : "One client calls in a loop, one call in flight";
        return who + "; latency is request written → answer read, per call. Calls are checked (the answer must be"
                + " the tool's text). Throughput is measured calls over the wall time of the measured batches. Server"
                + " CPU is user + system time of the server process over the measured batches, per call.";
    }

    @Override
    public List<Target> targets() {
        String what = transport.label() + ", " + (concurrent ? "concurrent" : "sequential");
        return List.of(new Target.Ratio("Tool call p50 ≤ 0.5 × the faster peer (" + what + ")", id(),
                List.of(dev.statamcp.bench.subject.Subjects.OURS), Target.Stat.MEDIAN, 0.5, null));
    }

    @Override
    public List<Measurement> run(BenchContext context) throws InterruptedException {
        Settings settings = context.settings();
        int clients = concurrent ? settings.clients() : 1;
        List<Measurement> measurements = new ArrayList<>();
        Map<String, RunningServer> running = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            for (ServerSubject subject : context.subjects().protocol()) {
                if (transport == Transport.HTTP && !subject.hasHttp()) {
                    continue;
                }
                try {
                    running.put(subject.name(), RunningServer.start(context, subject, transport, clients, id()));
                } catch (IOException | RuntimeException e) {
                    measurements.add(Measurement.failed(id(), subject.name(), subject.isOurs(),
                            "could not start and initialize: " + e.getMessage()));
                }
            }
            Map<String, String> failures = new LinkedHashMap<>();
            for (RunningServer server : running.values()) {
                try {
                    batch(pool, server, clients, settings.warmupCalls(), false);
                    server.cpuMillisAtStart = server.process.cpuMillis();
                } catch (IOException e) {
                    failures.put(server.subject.name(), "failed during warm-up: " + e.getMessage());
                }
            }
            int perRound = settings.calls() / settings.rounds();
            List<RunningServer> order = new ArrayList<>(running.values());
            for (int round = 0; round < settings.rounds(); round++) {
                for (int i = 0; i < order.size(); i++) {
                    RunningServer server = order.get((i + round) % order.size());
                    if (failures.containsKey(server.subject.name())) {
                        continue;
                    }
                    try {
                        batch(pool, server, clients, perRound, true);
                    } catch (IOException e) {
                        failures.put(server.subject.name(), "failed while measuring: " + e.getMessage());
                    }
                }
            }
            for (RunningServer server : running.values()) {
                String failure = failures.get(server.subject.name());
                if (failure != null) {
                    measurements.add(Measurement.failed(id(), server.subject.name(), server.subject.isOurs(),
                            failure));
                    continue;
                }
                double cpu = server.process.cpuMillis() - server.cpuMillisAtStart;
                measurements.add(new Measurement(id(), server.subject.name(), server.subject.isOurs(),
                        server.samples.summary(), server.measuredCalls / (server.batchNanos / 1e9),
                        server.process.peakRssKb(), cpu * 1000.0 / server.measuredCalls,
                        concurrent ? clients + " clients" : ""));
            }
        } finally {
            pool.shutdownNow();
            running.values().forEach(RunningServer::close);
        }
        return measurements;
    }

    /** {@code calls} no-op calls spread over {@code clients} threads; recorded only when measuring. */
    private static void batch(ExecutorService pool, RunningServer server, int clients, int calls, boolean record)
            throws IOException, InterruptedException {
        int perClient = Math.max(1, calls / clients);
        List<Future<Samples>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (int thread = 0; thread < clients; thread++) {
            int t = thread;
            results.add(pool.submit(() -> {
                Samples samples = new Samples(perClient);
                long id = (long) t * 1_000_000_000L + server.samples.size() + (record ? 500_000_000L : 0);
                for (int i = 0; i < perClient; i++) {
                    long before = System.nanoTime();
                    server.client(t).callNoop(id++);
                    samples.add(System.nanoTime() - before);
                }
                return samples;
            }));
        }
        List<Samples> all = new ArrayList<>();
        for (Future<Samples> result : results) {
            try {
                all.add(result.get());
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            }
        }
        long elapsed = System.nanoTime() - start;
        if (record) {
            all.forEach(server.samples::addAll);
            server.batchNanos += elapsed;
            server.measuredCalls += perClient * clients;
        }
    }
}
