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
 * @param restartAfterDeath over stdio, start a server that died or hung again and go on (the run still fails)
 */
public record FuzzConfig(long seed, int messages, int from, int maxOversizeBytes, int answerTimeoutMs, int graceMs,
                         Path failureDir, boolean restartAfterDeath) {

    /** Stops at the first death: what the test suite wants. */
    public FuzzConfig(long seed, int messages, int from, int maxOversizeBytes, int answerTimeoutMs, int graceMs,
                      Path failureDir) {
        this(seed, messages, from, maxOversizeBytes, answerTimeoutMs, graceMs, failureDir, false);
    }
}
