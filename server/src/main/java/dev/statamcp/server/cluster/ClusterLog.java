package dev.statamcp.server.cluster;

import dev.statamcp.server.jobs.ExecutionListener;
import dev.statamcp.stata.log.CommandTracker;
import dev.statamcp.stata.log.DoFileOutline;
import dev.statamcp.stata.log.LineClassifier;
import dev.statamcp.stata.log.LineKind;
import dev.statamcp.stata.log.LogTailer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

/**
 * Follows a cluster task's Stata log on the shared filesystem while it runs: each new line goes to the job's
 * listener (classified as echo or output), and echoes of the do-file's own commands move its position
 * ("command 3 of 12").
 *
 * <p>A log is only followed once it was written after the task started: a single job writes
 * {@code <working dir>/<stem>.log}, where an earlier run of the same do-file may have left its own log, whose lines
 * must not pass for this run's. Not thread-safe: the task's follower thread alone calls it.
 */
final class ClusterLog {

    /** Clocks of the compute node and the file server may differ a little. */
    private static final Duration CLOCK_SLACK = Duration.ofSeconds(2);

    private final Path path;
    private final ExecutionListener listener;
    private final CommandTracker tracker;
    private final LineClassifier classifier;
    private Instant notBefore;
    private LogTailer tailer;
    private int index;

    ClusterLog(Path path, String doFileText, ExecutionListener listener) {
        this.path = path;
        this.listener = listener;
        this.tracker = new CommandTracker(DoFileOutline.of(doFileText));
        this.classifier = new LineClassifier(Duration.ofMillis(500),
                line -> listener.onLine(line.text(), line.kind() == LineKind.ECHO, line.at()));
    }

    Path path() {
        return path;
    }

    /** The task started at {@code at}: logs written since then are its own. */
    void startedAt(Instant at) {
        if (notBefore == null) {
            notBefore = at.minus(CLOCK_SLACK);
        }
    }

    /** True once this run's own log was found (and is being followed). */
    boolean found() {
        return tailer != null;
    }

    /** Hands on the lines written since the last call. */
    void poll(Instant now) {
        try {
            if (tailer == null && !open()) {
                return;
            }
            for (String line : tailer.poll()) {
                accept(line, now);
            }
            classifier.tick(now);
        } catch (IOException e) {
            // The filesystem hiccupped; the next poll tries again, and the end reads the whole log anyway.
        }
    }

    /** Reads what is left and releases every held line; the task has ended. */
    void finish(OptionalInt rc) {
        Instant now = Instant.now();
        poll(now);
        if (tailer != null) {
            String tail = tailer.unterminatedTail();
            if (!tail.isEmpty()) {
                accept(tail, now);
            }
            try {
                tailer.close();
            } catch (IOException e) {
                // nothing to do: the file was only read
            }
        }
        classifier.finish(rc, true);
    }

    private boolean open() throws IOException {
        if (notBefore == null || !Files.isRegularFile(path)
                || Files.getLastModifiedTime(path).toInstant().isBefore(notBefore)) {
            return false;
        }
        tailer = new LogTailer(path);
        return true;
    }

    private void accept(String line, Instant at) {
        int i = index++;
        if (classifier.accept(line, at) && line.length() > 2 && tracker.onEcho(line.substring(2), i)) {
            listener.onPosition(tracker.echoed(), tracker.total() > 0 ? (long) tracker.total() : null);
        }
    }
}
