package dev.statamcp.server.tools;

import dev.statamcp.mcp.server.RequestContext;
import dev.statamcp.mcp.session.LogLevel;
import dev.statamcp.server.jobs.JobProgress;
import dev.statamcp.server.output.LineContent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a job's events into {@code notifications/progress} and {@code notifications/message} for the caller
 * that waits on it: on every burst of new output (at most one progress every {@code minGap}) and at least every
 * {@code heartbeat} even when Stata is silent, because clients keep a call alive only while progress arrives.
 *
 * <p>Progress values must increase. With a known total the value is the number of commands reached (the one
 * running counts), plus a fraction that grows towards (never reaches) the next one on each heartbeat; without a
 * total it is the elapsed time in seconds. Not thread-safe: the waiting thread alone calls it.
 *
 * <p>New output goes out as {@code notifications/message} much sooner than progress (every {@link #LOG_GAP}), so
 * the client sees a line within a few tens of milliseconds; in a flood each message carries at most
 * {@link #MAX_LOG_CHARS} and counts the lines left out, because the job's log file has them all and a client
 * drowned in notifications helps nobody (nor does the memory they would take here).
 */
final class ProgressReporter {
    static final Duration LOG_GAP = Duration.ofMillis(50);
    static final int MAX_LOG_CHARS = 32_000;

    private final RequestContext context;
    private final Duration minGap;
    private final Duration heartbeat;
    private final Instant started;
    private final List<String> pendingLines = new ArrayList<>();
    private int pendingChars;
    private long linesLeftOut;
    private Instant lastLogSent = Instant.EPOCH;

    private Instant lastSent = Instant.EPOCH;
    private boolean dirty;
    private long lastStep = -1;
    private long beatsSinceChange;
    private JobProgress progress = JobProgress.NONE;
    private String state;
    private Instant runningSince;

    ProgressReporter(RequestContext context, Duration minGap, Duration heartbeat, Instant started) {
        this.context = context;
        this.minGap = minGap;
        this.heartbeat = heartbeat;
        this.started = started;
    }

    void running(Instant since) {
        runningSince = since;
        dirty = true;
    }

    void position(JobProgress p, String schedulerState) {
        progress = p;
        if (schedulerState != null) {
            state = schedulerState;
        }
        dirty = true;
    }

    void line(String text, boolean echo) {
        if (pendingChars + text.length() + 1 <= MAX_LOG_CHARS) {
            pendingLines.add(text);
            pendingChars += text.length() + 1;
        } else {
            linesLeftOut++;
        }
        if (LineContent.hasLetterOrDigit(text)) {
            // A command's echo reads best without Stata's prompt: "regress y x", not ". regress y x".
            String shown = echo && text.startsWith(". ") ? text.substring(2) : text;
            progress = new JobProgress(progress.commandsDone(), progress.commandsTotal(), shown);
        }
        dirty = true;
    }

    /** How long the waiting thread may sleep before {@link #tick} must run again. */
    Duration untilDue(Instant now) {
        Duration sinceLast = Duration.between(lastSent, now);
        Duration due = dirty ? minGap.minus(sinceLast) : heartbeat.minus(sinceLast);
        if (hasPendingOutput()) {
            Duration logDue = LOG_GAP.minus(Duration.between(lastLogSent, now));
            due = logDue.compareTo(due) < 0 ? logDue : due;
        }
        return due.isNegative() ? Duration.ZERO : due;
    }

    /** Sends what is due: new output, a burst's progress (throttled) or a heartbeat. */
    void tick(Instant now) {
        if (hasPendingOutput() && Duration.between(lastLogSent, now).compareTo(LOG_GAP) >= 0) {
            flushLines();
            lastLogSent = now;
        }
        Duration sinceLast = Duration.between(lastSent, now);
        boolean burstDue = dirty && sinceLast.compareTo(minGap) >= 0;
        boolean heartbeatDue = sinceLast.compareTo(heartbeat) >= 0;
        if (!burstDue && !heartbeatDue) {
            return;
        }
        flushLines();
        sendProgress(now);
        lastSent = now;
        dirty = false;
    }

    /** Sends whatever output is still pending (before the final result). */
    void finish() {
        flushLines();
    }

    /** Whether lines wait to be sent (they go out when {@link #untilDue} says). */
    boolean hasPendingOutput() {
        return !pendingLines.isEmpty() || linesLeftOut > 0;
    }

    private void flushLines() {
        if (!hasPendingOutput()) {
            return;
        }
        String text = String.join("\n", pendingLines);
        if (linesLeftOut > 0) {
            text += (text.isEmpty() ? "" : "\n") + "… " + linesLeftOut + " more lines in the job's log …";
        }
        context.log(LogLevel.INFO, "stata", text);
        pendingLines.clear();
        pendingChars = 0;
        linesLeftOut = 0;
    }

    /**
     * The value always rises, as MCP asks (a value not above the last one is dropped, and a client then stops
     * resetting its timeout): it lies in (step, step + 1), where step is the commands reached, kept below the total
     * so that a long last command still has room, and never lower than before (a total learned late, for example
     * once a queued cluster job's log appears). Each heartbeat on the same step moves the value half the remaining
     * way to step + 1. Elapsed time is in the message.
     */
    private void sendProgress(Instant now) {
        Long total = progress.commandsTotal();
        boolean known = total != null && total > 0;
        long step = progress.commandsDone();
        if (known) {
            step = Math.min(step, total - 1);
        }
        step = Math.max(step, lastStep);
        beatsSinceChange = step == lastStep ? beatsSinceChange + 1 : 0;
        lastStep = step;
        double value = step + 1.0 - 1.0 / (beatsSinceChange + 2);
        context.progress(value, known ? Math.max(total.doubleValue(), step + 1.0) : null, message(now));
    }

    String message(Instant now) {
        return ProgressMessage.of(started, runningSince, state, progress, now);
    }
}
