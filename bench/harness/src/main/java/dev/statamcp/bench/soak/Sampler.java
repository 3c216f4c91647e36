package dev.statamcp.bench.soak;

import dev.statamcp.bench.app.AppServer;
import dev.statamcp.bench.subject.ProcessTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Samples the server every period on a thread of its own, until stopped: resident set, live Java heap (after a
 * forced full GC, see {@link LiveHeap}), the processes below it, its file descriptors and threads, and the jobs each
 * client has done. It also remembers every process group the server's Stata sessions had, where leftovers are
 * looked for at the end, and notices when the server is gone (the clients then stop).
 */
final class Sampler implements AutoCloseable {
    private final AppServer server;
    private final List<ClientTally> tallies;
    private final long startNanos;
    private final Duration period;
    private final List<Sample> samples = new ArrayList<>();
    private final Set<Long> groups = new ConcurrentSkipListSet<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean serverGone;

    Sampler(AppServer server, List<ClientTally> tallies, long startNanos, Duration period) {
        this.server = server;
        this.tallies = List.copyOf(tallies);
        this.startNanos = startNanos;
        this.period = period;
        this.thread = new Thread(this::loop, "soak-sampler");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    boolean serverGone() {
        return serverGone;
    }

    /** The samples taken so far. */
    synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** Every process group of the server's Stata sessions seen so far. */
    Set<Long> groups() {
        return Set.copyOf(groups);
    }

    private void loop() {
        long next = System.nanoTime();
        try {
            while (true) {
                if (!server.isAlive()) {
                    serverGone = true;
                    return;
                }
                Sample sample = take();
                synchronized (this) {
                    samples.add(sample);
                }
                next += period.toNanos();
                long wait = next - System.nanoTime();
                if (wait < 0) {
                    next = System.nanoTime(); // a slow sample: the next one follows at once, without a backlog
                    wait = 0;
                }
                if (stopped.await(wait, TimeUnit.NANOSECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Sample take() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        long pid = server.pid();
        // The resident set as the load leaves it; the heap after a full GC is what the server keeps alive.
        long rss = server.rssKb();
        int processes = processesBelow(pid);
        int fds = fdCount(pid);
        int threads = threadCount(pid);
        long heap = LiveHeap.kb(pid);
        List<Long> jobs = tallies.stream().map(ClientTally::done).toList();
        return new Sample(seconds, rss, heap, processes, fds, threads, jobs);
    }

    /**
     * The server's descendants and every live member of their process groups (other than the server's own): each
     * Stata session leads a group of its own, and what it starts stays in that group even if its parent is gone.
     */
    private int processesBelow(long pid) {
        List<ProcessTable.Entry> all = ProcessTable.all();
        Map<Long, List<Long>> children = new HashMap<>();
        long ownGroup = -1;
        for (ProcessTable.Entry e : all) {
            children.computeIfAbsent(e.ppid(), p -> new ArrayList<>()).add(e.pid());
            if (e.pid() == pid) {
                ownGroup = e.pgid();
            }
        }
        Set<Long> below = new HashSet<>();
        List<Long> todo = new ArrayList<>(children.getOrDefault(pid, List.of()));
        while (!todo.isEmpty()) {
            long p = todo.remove(todo.size() - 1);
            if (below.add(p)) {
                todo.addAll(children.getOrDefault(p, List.of()));
            }
        }
        Set<Long> sessionGroups = new HashSet<>();
        for (ProcessTable.Entry e : all) {
            if (below.contains(e.pid()) && e.pgid() != ownGroup) {
                sessionGroups.add(e.pgid());
            }
        }
        groups.addAll(sessionGroups);
        int count = 0;
        for (ProcessTable.Entry e : all) {
            if (e.pid() != pid && (below.contains(e.pid()) || sessionGroups.contains(e.pgid()))) {
                count++;
            }
        }
        return count;
    }

    private static int fdCount(long pid) {
        try (var fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return (int) fds.count();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static int threadCount(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("Threads:")) {
                    return Integer.parseInt(line.substring("Threads:".length()).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** Stops sampling; a sample being taken is finished first. */
    @Override
    public void close() {
        stopped.countDown();
        try {
            thread.join(Duration.ofMinutes(3).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
