package dev.statamcp.server.cli.progress;

import dev.statamcp.server.jobs.JobStatus;
import java.time.Duration;

/**
 * What one redraw of the progress line shows.
 *
 * @param status    queued or running
 * @param elapsed   time since the job started running (since it was submitted while it is queued)
 * @param done      top-level commands done
 * @param total     commands in the do-file, when known
 * @param lastLine  the last line Stata wrote, or null
 * @param state     executor state worth showing (e.g. a scheduler state), or null
 */
public record ProgressFrame(JobStatus status, Duration elapsed, long done, Long total, String lastLine,
                            String state) {
}
