package dev.statamcp.bench.scenario;

import dev.statamcp.bench.subject.ServerProcess;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Kills a server that stops answering, so that a blocked read in the client ends (with an error) instead of hanging
 * the benchmark. The measuring client itself has no timeouts on its hot path.
 */
final class Watchdog implements AutoCloseable {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bench-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final ScheduledFuture<?> kill;

    Watchdog(ServerProcess server, long timeoutSeconds) {
        this.kill = TIMER.schedule(() -> server.process().destroyForcibly(), timeoutSeconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        kill.cancel(false);
    }
}
