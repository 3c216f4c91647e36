package dev.statamcp.server.jobs;

/**
 * How far a running job has got: top-level commands echoed so far out of the total (when known) and the last
 * line Stata wrote.
 */
public record JobProgress(long commandsDone, Long commandsTotal, String lastLine) {
    public static final JobProgress NONE = new JobProgress(0, null, null);
}
