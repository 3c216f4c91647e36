package dev.statamcp.stata.slurm;

import dev.statamcp.stata.paths.StataQuoting;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One do-file to run on the cluster: either a single job, or a sweep (a Slurm job array with one task per argument
 * list).
 *
 * @param jobId       the stata-mcp job id; names the Slurm job ({@code stata-mcp-<jobId>}) and its run folder
 * @param doFile      absolute path of the do-file, valid on the compute nodes
 * @param workingDir  absolute path the do-file runs in, valid on the compute nodes
 * @param argLists    the do-file's arguments: one list for a single job, one list per task for a sweep
 * @param sweep       true for a job array (even with one task), false for a single job
 * @param maxParallel for a sweep, at most this many tasks run at once (null = as many as Slurm allows)
 * @param resources   what this call asks for beyond the configured defaults
 */
public record SlurmJobRequest(String jobId, Path doFile, Path workingDir, List<List<String>> argLists, boolean sweep,
                              Integer maxParallel, SlurmResources resources) {

    private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    public SlurmJobRequest {
        Objects.requireNonNull(jobId, "jobId");
        if (!JOB_ID.matcher(jobId).matches()) {
            throw new IllegalArgumentException("job id must be letters, digits, '.', '_' or '-': " + jobId);
        }
        if (!Objects.requireNonNull(doFile, "doFile").isAbsolute()
                || !Objects.requireNonNull(workingDir, "workingDir").isAbsolute()) {
            throw new IllegalArgumentException("do-file and working directory must be absolute paths");
        }
        argLists = argLists.stream().map(List::copyOf).toList();
        if (argLists.isEmpty()) {
            throw new IllegalArgumentException(sweep ? "a sweep needs at least one argument list" : "no arguments");
        }
        if (!sweep && argLists.size() != 1) {
            throw new IllegalArgumentException("a single job has exactly one argument list");
        }
        if (maxParallel != null && maxParallel < 1) {
            throw new IllegalArgumentException("max_parallel must be at least 1, got " + maxParallel);
        }
        resources = resources == null ? SlurmResources.NONE : resources;
        // Fail now, not on the node, when Stata cannot be given these paths or arguments.
        for (List<String> args : argLists) {
            if (args.stream().anyMatch(Objects::isNull)) {
                throw new IllegalArgumentException("do-file arguments must not be null");
            }
            StataCommandLine.doArguments(doFile, args);
        }
        StataQuoting.quote(workingDir);
    }

    /** A single job: {@code do "<doFile>" args...} in {@code workingDir}. */
    public static SlurmJobRequest single(String jobId, Path doFile, Path workingDir, List<String> args,
                                         SlurmResources resources) {
        return new SlurmJobRequest(jobId, doFile, workingDir, List.of(args), false, null, resources);
    }

    /** A sweep: one array task per argument list, at most {@code maxParallel} at once. */
    public static SlurmJobRequest sweep(String jobId, Path doFile, Path workingDir, List<List<String>> argLists,
                                        Integer maxParallel, SlurmResources resources) {
        return new SlurmJobRequest(jobId, doFile, workingDir, argLists, true, maxParallel, resources);
    }

    public int taskCount() {
        return argLists.size();
    }
}
