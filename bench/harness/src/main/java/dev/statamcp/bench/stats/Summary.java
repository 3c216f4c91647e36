package dev.statamcp.bench.stats;

import java.util.Arrays;

/**
 * A latency distribution reduced to what the report prints, in milliseconds. Percentiles are nearest-rank: p99 of
 * 10,000 samples is the 9,900th smallest, a value that was actually observed.
 */
public record Summary(int count, double medianMs, double p99Ms, double meanMs, double minMs, double maxMs) {

    public static Summary of(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (long value : sorted) {
            sum += value;
        }
        return new Summary(sorted.length, ms(percentile(sorted, 50)), ms(percentile(sorted, 99)),
                sum / sorted.length / 1e6, ms(sorted[0]), ms(sorted[sorted.length - 1]));
    }

    static long percentile(long[] sorted, double percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
