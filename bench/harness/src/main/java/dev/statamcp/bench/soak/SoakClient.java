package dev.statamcp.bench.soak;

import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

/**
 * One client of a soak: an MCP session of its own and a Stata session of its own ({@code soak<n>}), doing jobs
 * until the time is up. It starts with one job of every kind (so the warm-up has run every path), then draws kinds
 * by weight from a random stream that depends only on the seed and the client's number.
 */
final class SoakClient implements Callable<ClientTally> {
    /** A pause of up to this long between jobs, as a model reads an answer before its next call. */
    static final int THINK_MS = 100;
    /** After a failure: a server that fails every call is not hammered in a tight loop. */
    static final int PAUSE_AFTER_FAILURE_MS = 1_000;

    private final int port;
    private final ClientTally tally;
    private final long seed;
    private final long startNanos;
    private final long deadlineNanos;
    private final BooleanSupplier stop;

    SoakClient(int port, ClientTally tally, long seed, long startNanos, long deadlineNanos, BooleanSupplier stop) {
        this.port = port;
        this.tally = tally;
        this.seed = seed;
        this.startNanos = startNanos;
        this.deadlineNanos = deadlineNanos;
        this.stop = stop;
    }

    @Override
    public ClientTally call() throws InterruptedException {
        int client = tally.client();
        Random random = new Random(seed * 1_000_003L + client);
        SoakSession session;
        try {
            session = SoakSession.open(port, tally);
        } catch (IOException e) {
            tally.failedToConnect(new Failure(client, "connect", "initialize", "", "no MCP session: "
                    + e.getMessage(), "", seconds()));
            return tally;
        }
        try (session) {
            Workload work = new Workload(session, tally, random);
            List<JobKind> firstRound = List.of(JobKind.values());
            for (int n = 0; System.nanoTime() < deadlineNanos && !stop.getAsBoolean(); n++) {
                JobKind kind = n < firstRound.size() ? firstRound.get(n) : JobKind.draw(random);
                try {
                    work.run(kind);
                    tally.done(kind);
                    Thread.sleep(random.nextInt(THINK_MS + 1));
                } catch (WrongAnswer e) {
                    tally.failed(kind, e.toFailure(client, kind, seconds()));
                    Thread.sleep(PAUSE_AFTER_FAILURE_MS);
                }
            }
        }
        return tally;
    }

    private double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
