package dev.statamcp.stata.slurm;

/**
 * A Slurm operation that failed in a way the user can act on. The message says what happened and what to do;
 * {@link #kind()} lets callers react (e.g. map to a tool error) without parsing text.
 */
public final class SlurmException extends Exception {

    /** The causes a user can act on. */
    public enum Kind {
        /** sbatch (or another Slurm command) is not installed where the client looks for it. */
        COMMAND_MISSING,
        /** No slurm.conf the commands can read. */
        CONFIG_MISSING,
        /** The controller (slurmctld) cannot be reached. */
        CONTROLLER_UNREACHABLE,
        /** Slurm could not authenticate this machine (munge). */
        AUTHENTICATION_FAILED,
        /** The requested partition does not exist. */
        UNKNOWN_PARTITION,
        /** Slurm refused the job; the message carries Slurm's own reason. */
        REJECTED,
        /** A Slurm command did not answer in time. */
        TIMEOUT,
        /** The run folder could not be written, or the request cannot be expressed as a batch script. */
        LOCAL_FILES,
        /** Slurm answered with something this client does not understand. */
        UNEXPECTED_OUTPUT,
        /** No job with this id is known, neither to Slurm nor in the run folder. */
        UNKNOWN_JOB
    }

    private final Kind kind;

    public SlurmException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public SlurmException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
