package dev.statamcp.bench.stats;

import java.util.Arrays;

/** Latencies in nanoseconds, appended by one thread; merged after a concurrent run. */
public final class Samples {
    private long[] values;
    private int size;

    public Samples(int expected) {
        values = new long[Math.max(16, expected)];
    }

    public void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    public void addAll(Samples other) {
        for (int i = 0; i < other.size; i++) {
            add(other.values[i]);
        }
    }

    public int size() {
        return size;
    }

    public Summary summary() {
        return Summary.of(Arrays.copyOf(values, size));
    }
}
