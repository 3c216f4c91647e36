package dev.statamcp.server.store;

import java.time.Instant;
import java.util.Optional;

/**
 * The server process that owns a running job: pid plus start time, because pids are reused. Several server
 * processes can share one store (an IDE starts one per window), and a job is only declared interrupted when
 * its owner is gone.
 */
public record ProcessOwner(long pid, long startedAtMillis) {

    public static ProcessOwner current() {
        return of(ProcessHandle.current()).orElseGet(() -> new ProcessOwner(ProcessHandle.current().pid(), 0));
    }

    public static Optional<ProcessOwner> of(ProcessHandle handle) {
        return handle.info().startInstant().map(start -> new ProcessOwner(handle.pid(), start.toEpochMilli()));
    }

    /** True while the same process (same pid, same start time within a second) still runs. */
    public boolean isAlive() {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return false;
        }
        Optional<Instant> start = handle.get().info().startInstant();
        // Start times read via /proc are rounded differently across calls; a second of slack is plenty to tell a
        // reused pid apart (a reused pid starts much later).
        return start.isEmpty() || startedAtMillis == 0
                || Math.abs(start.get().toEpochMilli() - startedAtMillis) < 1000;
    }
}
