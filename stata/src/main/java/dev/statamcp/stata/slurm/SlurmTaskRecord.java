package dev.statamcp.stata.slurm;

import java.time.Duration;
import java.time.Instant;

/**
 * What Slurm (controller or accounting) says about one task of a job; a single job has one task, number 0.
 *
 * @param task    array task id, or 0 for a single job
 * @param state   Slurm's state word, e.g. {@code PENDING}, {@code RUNNING}, {@code TIMEOUT}
 * @param reason  Slurm's reason ({@code Resources}, {@code NonZeroExitCode}, ...); null when Slurm gives none
 * @param node    the node(s) it runs or ran on; null while pending
 * @param elapsed run time so far or in total; null when unknown
 * @param end     when it ended; null while not ended or unknown
 * @param exitCode Slurm's {@code exit:signal} pair, e.g. {@code 0:0}; null when unknown
 */
record SlurmTaskRecord(int task, String state, String reason, String node, Duration elapsed, Instant end,
                       String exitCode) {
}
