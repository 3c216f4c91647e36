package dev.statamcp.bench.fuzz;

import java.nio.file.Path;

/**
 * One fuzz run's settings.
 *
 * @param seed              the seed every message derives from; printed, and enough to replay any message
 * @param from              index of the first message (to replay one: {@code from = n, messages = 1})
 * @param maxOversizeBytes  the largest oversized message
 * @param answerTimeoutMs   how long a server may take to answer before it counts as hung
 * @param graceMs           after the liveness ping is answered, how long to wait for answers still owed
 * @param failureDir        where the exact bytes of failing messages are saved
 */
public record FuzzConfig(long seed, int messages, int from, int maxOversizeBytes, int answerTimeoutMs, int graceMs,
                         Path failureDir) {

    public static FuzzConfig of(long seed, int messages, Path failureDir) {
        return new FuzzConfig(seed, messages, 0, 4 << 20, 10_000, 2_000, failureDir);
    }
}
