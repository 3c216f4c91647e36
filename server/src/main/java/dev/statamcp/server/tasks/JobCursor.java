package dev.statamcp.server.tasks;

import dev.statamcp.server.jobs.Job;
import dev.statamcp.server.jobs.JobId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where a {@code tasks/list} page ended: the creation time and id of its last job, so the next page starts right
 * after it however many jobs were added meanwhile. Opaque to clients (base64url).
 */
record JobCursor(Instant createdAt, JobId id) {
    static JobCursor after(Job job) {
        return new JobCursor(job.createdAt(), job.id());
    }

    String encode() {
        String plain = createdAt.toEpochMilli() + ":" + id.value();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException for anything {@link #encode} did not produce */
    static JobCursor decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int colon = plain.indexOf(':');
            return new JobCursor(Instant.ofEpochMilli(Long.parseLong(plain.substring(0, colon))),
                    new JobId(plain.substring(colon + 1)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + cursor + "' is not a cursor of this server", e);
        }
    }
}
