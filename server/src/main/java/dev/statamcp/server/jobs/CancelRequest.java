package dev.statamcp.server.jobs;

/**
 * Why someone asked a job to stop. {@code timeout} marks the job's own time limit, which ends it
 * {@code timed_out} rather than {@code cancelled}; null when nobody asked.
 */
public record CancelRequest(String reason, boolean timeout) {
}
