package dev.statamcp.stata.bench;

import dev.statamcp.stata.discovery.StataInstallation;
import dev.statamcp.stata.log.LogTailer;
import dev.statamcp.stata.paths.StataQuoting;
import dev.statamcp.stata.process.LaunchedProcess;
import dev.statamcp.stata.process.ProcessGroupLauncher;
import dev.statamcp.stata.process.ProcessKiller;
import dev.statamcp.stata.process.StreamDrainer;
import dev.statamcp.stata.run.RunRequest;
import dev.statamcp.stata.run.RunResult;
import dev.statamcp.stata.session.SessionSettings;
import dev.statamcp.stata.session.StataSession;
import dev.statamcp.stata.testing.Emulator;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark (not a test): the latency the engine adds to {@code display 1} on a warm console session, against
 * typing the same command straight into the emulator and watching its log for the answer.
 *
 * <p>Direct: one emulator with a log opened once; each iteration types {@code display 1} and spins on the log until
 * the output line {@code 1} is there. Engine: a warm {@link StataSession}; each iteration submits
 * {@code display 1} and waits for the result (do-file written, wrapper typed, log tailed and classified, markers
 * read, result built). Blocks of the two alternate so machine load affects both alike.
 *
 * <p>Run: {@code stata/bench/engine-latency [iterations] [--no-graphs]} (builds the emulator and the engine first);
 * {@code --no-graphs} leaves out the graph queries around each run.
 */
public final class EngineLatencyBenchmark {

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        boolean trackGraphs = !(args.length > 1 && args[1].equals("--no-graphs"));
        int warmup = Math.max(100, iterations / 5);
        int block = 50;
        StataInstallation installation = Emulator.installation();
        Path tmp = Files.createTempDirectory("stata-mcp-bench");
        System.out.println("Emulator: " + installation.binary());
        System.out.printf("Iterations: %d (after %d warm-up), alternating blocks of %d%n", iterations, warmup, block);

        try (Direct direct = new Direct(installation, tmp.resolve("direct"));
             StataSession session = new StataSession("bench", SessionSettings.defaults(tmp)
                     .withTempRoot(tmp.resolve("engine")).withTrackGraphs(trackGraphs), installation,
                     ProcessGroupLauncher.forCurrentPlatform())) {
            for (int i = 0; i < warmup; i++) {
                direct.displayOne();
                engine(session);
            }
            List<Long> directNanos = new ArrayList<>();
            List<Long> engineNanos = new ArrayList<>();
            while (directNanos.size() < iterations) {
                for (int i = 0; i < block && directNanos.size() < iterations; i++) {
                    directNanos.add(direct.displayOne());
                }
                for (int i = 0; i < block && engineNanos.size() < iterations; i++) {
                    engineNanos.add(engine(session));
                }
            }
            boolean graphs = trackGraphs && session.status().info().map(x -> x.graphDir()).orElse(false);
            report("direct (type + see output in log)", directNanos);
            report("engine (submit -> RunResult)", engineNanos);
            double dMed = percentile(directNanos, 50);
            double eMed = percentile(engineNanos, 50);
            System.out.printf("Added latency, median: %.2f ms; p99: %.2f ms; ratio engine/direct (median): %.2f%n",
                    (eMed - dMed) / 1e6, (percentile(engineNanos, 99) - percentile(directNanos, 99)) / 1e6,
                    eMed / dMed);
            System.out.println("Graph tracking around each run: " + (graphs ? "on" : "off"));
        }
    }

    private static long engine(StataSession session) throws Exception {
        long t0 = System.nanoTime();
        RunResult r = session.submit(RunRequest.of("display 1")).result().get(30, TimeUnit.SECONDS);
        long t = System.nanoTime() - t0;
        if (!r.succeeded() || !r.text().contains("\n1")) {
            throw new IllegalStateException("unexpected result: " + r.text());
        }
        return t;
    }

    private static void report(String what, List<Long> nanos) {
        System.out.printf("%-36s median %7.2f ms   p90 %7.2f ms   p99 %7.2f ms%n", what,
                percentile(nanos, 50) / 1e6, percentile(nanos, 90) / 1e6, percentile(nanos, 99) / 1e6);
    }

    private static double percentile(List<Long> values, double p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** The emulator driven by hand: one log, commands typed one at a time. */
    private static final class Direct implements AutoCloseable {
        private final LaunchedProcess process;
        private final Writer stdin;
        private final LogTailer tailer;

        Direct(StataInstallation installation, Path dir) throws IOException, InterruptedException {
            Files.createDirectories(dir);
            Path log = dir.resolve("direct.log");
            ProcessBuilder pb = new ProcessBuilder(installation.binary().toString(), "-q").directory(dir.toFile());
            process = ProcessGroupLauncher.forCurrentPlatform().start(pb);
            new StreamDrainer(process.process().getInputStream(), "direct-out", 1024);
            new StreamDrainer(process.process().getErrorStream(), "direct-err", 1024);
            stdin = new OutputStreamWriter(process.process().getOutputStream(), StandardCharsets.UTF_8);
            stdin.write("set more off\nlog using " + StataQuoting.quote(log) + ", text replace\n");
            stdin.flush();
            tailer = new LogTailer(log);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!tailer.exists() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            tailer.poll();
        }

        long displayOne() throws IOException {
            long t0 = System.nanoTime();
            stdin.write("display 1\n");
            stdin.flush();
            while (true) {
                for (String line : tailer.poll()) {
                    if (line.equals("1")) {
                        return System.nanoTime() - t0;
                    }
                }
                Thread.onSpinWait();
            }
        }

        @Override
        public void close() throws IOException {
            tailer.close();
            process.process().getOutputStream().close();
            ProcessKiller.kill(process, Duration.ofSeconds(1));
        }
    }
}
