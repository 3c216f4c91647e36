package dev.statamcp.server.cli.jobs;

import dev.statamcp.server.jobs.Job;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Copies a job's log to the output as it grows, until the job ends ({@code jobs log --follow}). The log is
 * written by whichever process runs the job, so this reads the file and the job store only. Bytes are copied as
 * they are (Stata may write Latin-1). A log that moves (a batch log taken into the job's folder at the end) is
 * continued at the same position in its new place.
 */
public final class LogFollower {
    private final Supplier<Optional<Job>> reload;
    private final BooleanSupplier ownerAlive;
    private final OutputStream out;
    private final Duration poll;

    /**
     * @param reload     the job as the store has it now
     * @param ownerAlive whether the process running the job still exists
     */
    public LogFollower(Supplier<Optional<Job>> reload, BooleanSupplier ownerAlive, OutputStream out, Duration poll) {
        this.reload = reload;
        this.ownerAlive = ownerAlive;
        this.out = out;
        this.poll = poll;
    }

    /** Follows to the end; returns the ended job, or empty when its process died before ending it. */
    public Optional<Job> follow() throws IOException, InterruptedException {
        long offset = 0;
        long checkOwnerAt = 0;
        while (true) {
            Optional<Job> now = reload.get();
            if (now.isEmpty()) {
                return Optional.empty();
            }
            Job job = now.get();
            offset = copy(job.logPath(), offset);
            if (job.isTerminal()) {
                return Optional.of(job);
            }
            if (System.nanoTime() > checkOwnerAt) {
                if (!ownerAlive.getAsBoolean()) {
                    return Optional.empty();
                }
                checkOwnerAt = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            }
            Thread.sleep(poll.toMillis());
        }
    }

    /** Copies the log from {@code offset} to its current end; returns the new offset. */
    long copy(Path log, long offset) throws IOException {
        if (log == null || !Files.isRegularFile(log)) {
            return offset;
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            if (length < offset) {
                return length; // replaced by a shorter file: nothing sensible to resume from
            }
            file.seek(offset);
            byte[] buf = new byte[64 * 1024];
            long pos = offset;
            while (pos < length) {
                int n = file.read(buf, 0, (int) Math.min(buf.length, length - pos));
                if (n < 0) {
                    break;
                }
                out.write(buf, 0, n);
                pos += n;
            }
            out.flush();
            return pos;
        }
    }
}
