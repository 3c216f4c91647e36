package dev.statamcp.server.sweep;

import dev.statamcp.server.jobs.OutputMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A sweep as asked for, its paths already checked against the allowed folders.
 *
 * @param doFile         absolute path of the do-file
 * @param cwd            absolute working directory of every task
 * @param argLists       one argument list per task
 * @param maxParallel    at most this many tasks at once, or null for the default (local: the session limit;
 *                       cluster: as many as Slurm allows)
 * @param mode           where the tasks run, or null for the server's executor setting
 * @param cluster        Slurm options for a cluster sweep (partition, time, cpus, mem, account)
 * @param timeoutSeconds limit per task, or null
 */
public record SweepRequest(Path doFile, Path cwd, List<List<String>> argLists, Integer maxParallel, SweepMode mode,
                           Map<String, String> cluster, Integer timeoutSeconds, OutputMode output,
                           Integer maxOutputChars) {

    /** Slurm's default MaxArraySize is 1001 (ids 0-1000); more tasks are better split into several sweeps. */
    public static final int MAX_TASKS = 1000;

    public SweepRequest {
        argLists = argLists.stream().map(List::copyOf).toList();
        cluster = cluster == null ? Map.of() : Map.copyOf(cluster);
        if (argLists.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one argument list in args");
        }
        if (argLists.size() > MAX_TASKS) {
            throw new IllegalArgumentException("a sweep takes at most " + MAX_TASKS + " argument lists, got "
                    + argLists.size() + "; split it into several sweeps");
        }
        if (maxParallel != null && maxParallel < 1) {
            throw new IllegalArgumentException("max_parallel must be at least 1, got " + maxParallel);
        }
    }
}
