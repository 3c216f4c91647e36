package dev.statamcp.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A job as the store knows it. The full tool result is kept apart (it can be large) and read on demand.
 *
 * @param origin       who started it: {@code mcp:<session id>}, {@code rest}, {@code cli}
 * @param error        {rc, message, line, command, hint, log_tail} when the job failed, else null
 * @param summary      a short line for lists: what happened
 * @param graphs       file names of graphs exported into the job's folder
 * @param executor     executor facts needed to re-adopt the job (batch pid and start time, Slurm job id), or null
 * @param cancelReason why it was cancelled, timed out or interrupted, or null
 */
public record Job(
        JobId id,
        JobSpec spec,
        String origin,
        JobStatus status,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Integer rc,
        JsonNode error,
        String summary,
        JobProgress progress,
        Path logPath,
        List<String> graphs,
        JsonNode executor,
        String cancelReason,
        long ownerPid) {

    public Job {
        graphs = graphs == null ? List.of() : List.copyOf(graphs);
        progress = progress == null ? JobProgress.NONE : progress;
    }

    public boolean isTerminal() {
        return status.isTerminal();
    }
}
