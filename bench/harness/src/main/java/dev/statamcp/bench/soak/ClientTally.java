package dev.statamcp.bench.soak;

import dev.statamcp.bench.stats.Samples;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one client did: jobs done and failed by kind, call latency by tool, and its failures. Written by the client's
 * thread; only the counts of jobs done and failed are read while it runs, the rest once it has ended.
 */
final class ClientTally {
    /** Failures kept with their details; more are only counted (a dead server fails every call the same way). */
    static final int KEPT_FAILURES = 50;

    private final int client;
    private final AtomicLong done = new AtomicLong();
    private final Map<JobKind, Long> doneByKind = new EnumMap<>(JobKind.class);
    private final Map<JobKind, Long> failedByKind = new EnumMap<>(JobKind.class);
    private final Map<String, Samples> latency = new TreeMap<>();
    private final List<Failure> failures = new ArrayList<>();
    private final AtomicLong failed = new AtomicLong();
    private long cancelsByKill;

    ClientTally(int client) {
        this.client = client;
    }

    int client() {
        return client;
    }

    void latency(String tool, long nanos) {
        latency.computeIfAbsent(tool, t -> new Samples(1024)).add(nanos);
    }

    void done(JobKind kind) {
        doneByKind.merge(kind, 1L, Long::sum);
        done.incrementAndGet();
    }

    void failed(JobKind kind, Failure failure) {
        failedByKind.merge(kind, 1L, Long::sum);
        failed.incrementAndGet();
        if (failures.size() < KEPT_FAILURES) {
            failures.add(failure);
        }
    }

    /** A cancelled job that Break did not stop: Stata was killed after the grace and its session restarted. */
    void cancelledByKill() {
        cancelsByKill++;
    }

    long cancelsByKill() {
        return cancelsByKill;
    }

    /** The client could not even open its MCP session. */
    void failedToConnect(Failure failure) {
        failed.incrementAndGet();
        failures.add(failure);
    }

    /** Jobs done with every answer as expected (safe to read while the client runs). */
    long done() {
        return done.get();
    }

    long failed() {
        return failed.get();
    }

    Map<JobKind, Long> doneByKind() {
        return Collections.unmodifiableMap(doneByKind);
    }

    Map<JobKind, Long> failedByKind() {
        return Collections.unmodifiableMap(failedByKind);
    }

    Map<String, Samples> latency() {
        return Collections.unmodifiableMap(latency);
    }

    List<Failure> failures() {
        return List.copyOf(failures);
    }
}
