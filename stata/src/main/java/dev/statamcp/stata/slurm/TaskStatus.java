package dev.statamcp.stata.slurm;

/**
 * The state of one task, and where it was learned.
 *
 * @param task   array task id (0 for a single job)
 * @param state  its state
 * @param source who told: the controller (scontrol), accounting (sacct), or the task's own files after Slurm
 *               forgot the job and no accounting was there to ask
 */
public record TaskStatus(int task, TaskState state, Source source) {

    /** Where a task's state came from. */
    public enum Source { CONTROLLER, ACCOUNTING, FILES }
}
