package dev.statamcp.bench.scenario;

import dev.statamcp.bench.stats.Summary;

/**
 * What one server did in one scenario. {@code latency} is null when the run failed, and {@code note} says why.
 *
 * @param throughputPerSecond completed operations per second of wall time, or NaN where it means nothing
 * @param peakRssKb           peak resident memory of the server process (VmHWM), or -1
 * @param cpuMicrosPerOp      server CPU time (user + system) per operation, or NaN
 */
public record Measurement(String scenarioId, String subject, boolean ours, Summary latency,
                          double throughputPerSecond, long peakRssKb, double cpuMicrosPerOp, String note) {

    public static Measurement failed(String scenarioId, String subject, boolean ours, String why) {
        return new Measurement(scenarioId, subject, ours, null, Double.NaN, -1, Double.NaN, why);
    }

    public boolean succeeded() {
        return latency != null;
    }
}
