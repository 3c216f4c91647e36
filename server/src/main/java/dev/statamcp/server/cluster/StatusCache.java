package dev.statamcp.server.cluster;

import dev.statamcp.stata.slurm.SlurmClient;
import dev.statamcp.stata.slurm.SlurmException;
import dev.statamcp.stata.slurm.SlurmJob;
import dev.statamcp.stata.slurm.SlurmJobStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Slurm's answer about one Slurm job, shared by everyone following it for a poll interval. The tasks of a sweep
 * are one job array: one {@code scontrol show job} answers for all of them, so a sweep of a hundred tasks costs the
 * controller one query per interval, not a hundred (cluster operators rightly frown on clients that poll hard).
 */
final class StatusCache {

    private final Supplier<SlurmClient> client;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    StatusCache(Supplier<SlurmClient> client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** The job's status, asked of Slurm unless an answer younger than {@code maxAge} is at hand. */
    SlurmJobStatus get(SlurmJob job, Duration maxAge) throws SlurmException {
        Entry entry = entries.computeIfAbsent(job.slurmJobId(), id -> new Entry());
        synchronized (entry) {
            Instant now = clock.instant();
            if (entry.status != null && entry.at.plus(maxAge).isAfter(now)) {
                return entry.status;
            }
            SlurmJobStatus status = client.get().status(job);
            entry.status = status;
            entry.at = clock.instant();
            if (status.terminal()) {
                // Nobody asks again after the end; keeps the map from growing with every job ever followed.
                entries.remove(job.slurmJobId(), entry);
            }
            return status;
        }
    }

    /** The next {@link #get} asks Slurm again (after a cancel, so that its effect shows at once). */
    void invalidate(String slurmJobId) {
        Entry entry = entries.get(slurmJobId);
        if (entry != null) {
            synchronized (entry) {
                entry.status = null;
            }
        }
    }

    private static final class Entry {
        private SlurmJobStatus status;
        private Instant at = Instant.EPOCH;
    }
}
