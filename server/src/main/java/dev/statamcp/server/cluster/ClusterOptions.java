package dev.statamcp.server.cluster;

import dev.statamcp.server.jobs.JobSpec;
import dev.statamcp.stata.slurm.SlurmResources;
import java.util.Map;
import java.util.Set;

/**
 * A cluster job's own Slurm options, from the call's {@code cluster} object as stored in {@link JobSpec#cluster()}
 * ({@code partition}, {@code time}, {@code cpus}, {@code mem}, {@code account}); the server's settings fill in the
 * rest. Extra sbatch flags come from the settings only: a call cannot add arbitrary scheduler options.
 *
 * <p>Two further entries mark a task of a sweep ({@code sweep_id}, {@code sweep_task}); the sweep submitted the job
 * array already, and the task's job only follows its array task.
 */
public final class ClusterOptions {
    public static final String SWEEP_ID = "sweep_id";
    public static final String SWEEP_TASK = "sweep_task";
    static final Set<String> CALL_OPTIONS = Set.of("partition", "time", "cpus", "mem", "account");

    private ClusterOptions() {
    }

    /**
     * What the call asks for. A call's {@code timeout_seconds} without a {@code time} becomes the Slurm time limit
     * too (rounded up to whole minutes, Slurm's unit), so that Slurm does not end the job at its default limit
     * before the time the caller allowed.
     *
     * @throws IllegalArgumentException with a message for the caller when a value is not valid for Slurm
     */
    public static SlurmResources resources(Map<String, String> cluster, Integer timeoutSeconds) {
        for (String key : cluster.keySet()) {
            if (!CALL_OPTIONS.contains(key) && !key.equals(SWEEP_ID) && !key.equals(SWEEP_TASK)) {
                throw new IllegalArgumentException("unknown cluster option '" + key + "'; use partition, time, cpus,"
                        + " mem or account (other sbatch flags are set in the server's slurm_extra setting)");
            }
        }
        String time = blankToNull(cluster.get("time"));
        if (time == null && timeoutSeconds != null) {
            time = Long.toString(Math.max(1, (timeoutSeconds + 59L) / 60));
        }
        Integer cpus = null;
        String c = blankToNull(cluster.get("cpus"));
        if (c != null) {
            try {
                cpus = Integer.valueOf(c);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("cluster cpus must be a whole number, got '" + c + "'");
            }
        }
        return new SlurmResources(blankToNull(cluster.get("partition")), time, cpus, blankToNull(cluster.get("mem")),
                blankToNull(cluster.get("account")), null);
    }

    /** The sweep this job is a task of, or null for a job of its own. */
    static SweepTask sweepTask(JobSpec spec) {
        String id = spec.cluster().get(SWEEP_ID);
        if (id == null) {
            return null;
        }
        try {
            return new SweepTask(id, Integer.parseInt(spec.cluster().getOrDefault(SWEEP_TASK, "")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("job of sweep " + id + " has no valid " + SWEEP_TASK);
        }
    }

    /** Task {@code index} of the job array submitted under {@code sweepId}. */
    record SweepTask(String sweepId, int index) {
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
