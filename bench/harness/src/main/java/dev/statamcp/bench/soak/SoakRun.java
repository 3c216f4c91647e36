package dev.statamcp.bench.soak;

import dev.statamcp.bench.app.AppServer;
import dev.statamcp.bench.stats.Samples;
import dev.statamcp.bench.stats.Summary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * One soak: one server over Streamable HTTP, run from a {@link BuildCopy} with its data directory and working folder,
 * all under the soak's folder; the clients doing jobs until the time is up while the sampler measures the server,
 * then SIGTERM to the server and a look for anything it left behind.
 */
final class SoakRun {
    /** Clients still busy this long after the time is up are stuck: the run ends without them. */
    private static final Duration STRAGGLERS = Duration.ofMinutes(5);

    private final Path root;
    private final Duration duration;
    private final int clients;
    private final long seed;
    private final Duration period;
    private final Consumer<String> say;

    SoakRun(Path root, Duration duration, int clients, long seed, Duration period, Consumer<String> say) {
        this.root = root;
        this.duration = duration;
        this.clients = clients;
        this.seed = seed;
        this.period = period;
        this.say = say;
    }

    SoakOutcome run() {
        Path dir = root.resolve("bench/target/soak").resolve("seed-" + seed);
        prepare(dir);
        List<ClientTally> tallies = IntStream.rangeClosed(1, clients).mapToObj(ClientTally::new).toList();
        List<String> problems = new ArrayList<>();
        List<Sample> samples = List.of();
        List<String> leftovers = List.of();
        double seconds = 0;
        AppServer server = null;
        try {
            Path build = BuildCopy.make(root, dir.resolve("build"));
            // One Stata session per client, and the default session stata_help asks when a page is not on disk.
            AppServer.Options options = AppServer.Options.stdio(build, dir.resolve("data"), dir.resolve("work"),
                    dir.resolve("server.stderr.log")).overHttp().flag("--max-sessions", Integer.toString(clients + 1));
            server = AppServer.start(options);
            long start = System.nanoTime();
            long deadline = start + duration.toNanos();
            Sampler sampler = new Sampler(server, tallies, start, period);
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            try (sampler) {
                sampler.start();
                List<Future<ClientTally>> futures = new ArrayList<>();
                for (ClientTally tally : tallies) {
                    futures.add(pool.submit(new SoakClient(server.port(), tally, seed, start, deadline,
                            sampler::serverGone)));
                }
                pool.shutdown();
                Duration every = duration.compareTo(Soak.SHORT_RUN) < 0 ? Duration.ofSeconds(10)
                        : Duration.ofMinutes(1);
                while (!pool.awaitTermination(every.toMillis(), TimeUnit.MILLISECONDS)) {
                    progress(sampler.samples(), tallies, start);
                    if (System.nanoTime() - deadline > STRAGGLERS.toNanos()) {
                        problems.add("clients still busy " + STRAGGLERS.toMinutes() + " minutes after the time was up");
                        pool.shutdownNow();
                        break;
                    }
                }
                for (int i = 0; i < futures.size(); i++) {
                    try {
                        futures.get(i).get(1, TimeUnit.MINUTES);
                    } catch (ExecutionException e) {
                        problems.add("client " + (i + 1) + " stopped: " + e.getCause());
                    } catch (java.util.concurrent.TimeoutException | java.util.concurrent.CancellationException e) {
                        problems.add("client " + (i + 1) + " did not finish");
                    }
                }
                seconds = (System.nanoTime() - start) / 1e9;
            }
            samples = sampler.samples();
            if (sampler.serverGone() || !server.isAlive()) {
                problems.add("the server exited during the run (its log: " + server.stderrLog() + ")");
            } else {
                // The orderly end of an HTTP server: SIGTERM; it drains, stops its sessions and exits.
                ProcessHandle.of(server.pid()).ifPresent(ProcessHandle::destroy);
                if (!server.waitFor(Duration.ofSeconds(60))) {
                    problems.add("the server did not exit within 60 s of SIGTERM");
                }
            }
            leftovers = Leftovers.await(sampler.groups(), dir, Duration.ofSeconds(15));
        } catch (IOException e) {
            problems.add("the server could not be started: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.add("interrupted");
        } finally {
            // Whatever is still there is killed by pid (only processes of this soak's folder), never left running.
            if (server != null) {
                server.close();
            }
        }
        return outcome(tallies, samples, seconds, leftovers, problems, dir.resolve("server.stderr.log"));
    }

    private SoakOutcome outcome(List<ClientTally> tallies, List<Sample> samples, double seconds,
                                List<String> leftovers, List<String> problems, Path serverLog) {
        Map<String, Long> done = new LinkedHashMap<>();
        Map<String, Long> failed = new LinkedHashMap<>();
        for (JobKind kind : JobKind.values()) {
            done.put(kind.label(), tallies.stream().mapToLong(t -> t.doneByKind().getOrDefault(kind, 0L)).sum());
            failed.put(kind.label(), tallies.stream().mapToLong(t -> t.failedByKind().getOrDefault(kind, 0L)).sum());
        }
        Map<String, Samples> merged = new TreeMap<>();
        for (ClientTally t : tallies) {
            t.latency().forEach((tool, s) -> merged.computeIfAbsent(tool, x -> new Samples(s.size())).addAll(s));
        }
        Map<String, Summary> latency = new TreeMap<>();
        merged.forEach((tool, s) -> latency.put(tool, s.summary()));
        List<Failure> failures = tallies.stream().flatMap(t -> t.failures().stream())
                .sorted(Comparator.comparingDouble(Failure::atSeconds)).toList();
        long failedCalls = tallies.stream().mapToLong(ClientTally::failed).sum();
        long cancelsByKill = tallies.stream().mapToLong(ClientTally::cancelsByKill).sum();
        List<Long> jobsByClient = tallies.stream().map(ClientTally::done).toList();
        Verdict verdict = Verdict.judge(samples, failedCalls, jobsByClient, leftovers, problems);
        return new SoakOutcome(seed, clients, duration.toSeconds(), seconds, period.toSeconds(), samples, done, failed,
                latency, failures, failedCalls, cancelsByKill, jobsByClient, List.copyOf(leftovers),
                List.copyOf(problems), verdict, serverLog);
    }

    private void progress(List<Sample> samples, List<ClientTally> tallies, long start) {
        long jobs = tallies.stream().mapToLong(ClientTally::done).sum();
        long failed = tallies.stream().mapToLong(ClientTally::failed).sum();
        String last = samples.isEmpty() ? "no sample yet" : describe(samples.get(samples.size() - 1));
        long secs = (System.nanoTime() - start) / 1_000_000_000L;
        say.accept(String.format(Locale.ROOT, "  %d:%02d  %,d jobs done, %d failed; %s", secs / 60, secs % 60, jobs,
                failed, last));
    }

    private static String describe(Sample s) {
        return String.format(Locale.ROOT, "heap after GC %.1f MiB, RSS %.0f MiB, %d processes, %d fds, %d threads",
                s.heapMib(), s.rssMib(), s.processes(), s.fds(), s.threads());
    }

    private static void prepare(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (var walk = Files.walk(dir)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir, e);
        }
    }
}
