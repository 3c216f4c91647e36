package dev.statamcp.bench.scenario;

/**
 * How much to measure. {@link #full()} is what the committed results use; {@link #smoke()} is a quick run that
 * checks the whole pipeline in a few minutes and proves nothing about speed.
 *
 * @param startupRuns      measured spawns per server
 * @param startupWarmup    spawns per server before measuring (page cache, CDS archive mapping)
 * @param calls            tool calls per server and transport, sequential and concurrent alike
 * @param warmupCalls      calls per server before measuring (JIT)
 * @param clients          concurrent clients in the concurrent figures
 * @param rounds           measured calls are split into this many batches, interleaved across servers, so that
 *                         background load on a shared machine falls on every server alike
 * @param jobs             sizes of the figures that run Stata jobs
 */
public record Settings(boolean quick, int startupRuns, int startupWarmup, int calls, int warmupCalls, int clients,
                       int rounds, Jobs jobs) {

    /**
     * @param sparseLines      output-latency lines written one a second
     * @param steadyLines      output-latency lines written ten a second
     * @param bursts           output-latency bursts of ten lines, half a second apart
     * @param volumeBytes      output of the volume figure's job
     * @param volumeRuns       runs of the volume job, through the server and alone, alternating (two in the full
     *                         run: a gigabyte takes minutes per subject on the shared two-core machine)
     * @param scaleSessions    Stata sessions of the scale figure
     * @param scaleJobs        jobs per session in the scale figure
     * @param breakRuns        cancels measured on the Break path
     * @param killRuns         cancels measured on the kill path
     */
    public record Jobs(int sparseLines, int steadyLines, int bursts, long volumeBytes, int volumeRuns,
                       int scaleSessions, int scaleJobs, int breakRuns, int killRuns) {
    }

    public static Settings full() {
        return new Settings(false, 20, 2, 10_000, 3_000, 16, 10,
                new Jobs(20, 150, 20, 1L << 30, 2, 16, 50, 20, 5));
    }

    public static Settings smoke() {
        return new Settings(true, 3, 1, 480, 160, 16, 2,
                new Jobs(3, 20, 3, 64L << 20, 1, 4, 10, 3, 1));
    }
}
