package dev.statamcp.bench.scenario;

/**
 * How much to measure. {@link #full()} is what the committed results use; {@link #quick()} is a smoke run that
 * checks the whole pipeline in a minute or two and proves nothing about speed.
 *
 * @param startupRuns      measured spawns per server
 * @param startupWarmup    spawns per server before measuring (page cache, CDS archive mapping)
 * @param calls            tool calls per server and transport, sequential and concurrent alike
 * @param warmupCalls      calls per server before measuring (JIT)
 * @param clients          concurrent clients in the concurrent figures
 * @param rounds           measured calls are split into this many batches, interleaved across servers, so that
 *                         background load on a shared machine falls on every server alike
 */
public record Settings(boolean quick, int startupRuns, int startupWarmup, int calls, int warmupCalls, int clients,
                       int rounds) {

    public static Settings full() {
        return new Settings(false, 20, 2, 10_000, 3_000, 16, 10);
    }

    public static Settings smoke() {
        return new Settings(true, 3, 1, 480, 160, 16, 2);
    }
}
