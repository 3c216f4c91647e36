package dev.statamcp.server.tools;

import dev.statamcp.server.jobs.JobProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The one-line position of a job, e.g. {@code 02:41 · cmd 12/40 · regress y x1-x20, vce(cluster id)}: elapsed time,
 * scheduler state, commands reached out of the total, the last line. Progress notifications and task status
 * messages read the same.
 */
public final class ProgressMessage {
    public static final int MAX_LENGTH = 200;

    private ProgressMessage() {
    }

    /**
     * @param waitingSince  when waiting began (the elapsed time of a job still queued counts from here)
     * @param runningSince  when the job started running, or null while it is queued
     * @param state         the scheduler's state (cluster jobs), or null
     */
    public static String of(Instant waitingSince, Instant runningSince, String state, JobProgress progress, Instant now) {
        Instant from = runningSince != null ? runningSince : waitingSince;
        StringBuilder sb = new StringBuilder(elapsed(Duration.between(from, now)));
        if (runningSince == null) {
            sb.append(" · queued").append(state != null ? " · " + state : "");
        } else {
            if (state != null) {
                sb.append(" · ").append(state);
            }
            Long total = progress.commandsTotal();
            if (total != null && total > 0) {
                sb.append(" · cmd ").append(Math.min(progress.commandsDone(), total)).append('/').append(total);
            }
            if (progress.lastLine() != null) {
                sb.append(" · ").append(progress.lastLine().strip().replaceAll("\\s+", " "));
            }
        }
        return sb.length() > MAX_LENGTH ? sb.substring(0, MAX_LENGTH - 1) + "…" : sb.toString();
    }

    public static String elapsed(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }
}
