package dev.statamcp.server.jobs;

import java.time.Duration;

/**
 * Job system settings.
 *
 * @param defaultTimeout   limit for jobs that set none, or null for none
 * @param cancelGrace      how long a Break may take before the process tree is killed
 * @param persistEvery     how often a running job's position is written to the store
 * @param keepFor          ended jobs older than this are deleted (with their folders)
 * @param keepAtMost       at most this many ended jobs are kept
 */
public record JobSettings(Duration defaultTimeout, Duration cancelGrace, Duration persistEvery, Duration keepFor,
                          int keepAtMost) {
    public static JobSettings defaults() {
        return new JobSettings(null, Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofDays(30), 5000);
    }

    public JobSettings withDefaultTimeout(Duration timeout) {
        return new JobSettings(timeout, cancelGrace, persistEvery, keepFor, keepAtMost);
    }

    public JobSettings withRetention(Duration keep, int atMost) {
        return new JobSettings(defaultTimeout, cancelGrace, persistEvery, keep, atMost);
    }

    public JobSettings withCancelGrace(Duration grace) {
        return new JobSettings(defaultTimeout, grace, persistEvery, keepFor, keepAtMost);
    }
}
