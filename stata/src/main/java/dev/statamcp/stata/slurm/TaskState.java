package dev.statamcp.stata.slurm;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where one task of a Slurm job stands, as the job system sees it. Queued and running are in progress; the
 * others are final.
 */
public sealed interface TaskState {

    /** True once nothing about this task will change any more. */
    boolean terminal();

    /** One line for progress messages and results, e.g. {@code PENDING (Resources)} or {@code RUNNING on node7}. */
    String describe();

    /** Waiting in Slurm's queue. */
    record Queued(String slurmState, String reason) implements TaskState {
        public boolean terminal() {
            return false;
        }

        public String describe() {
            return slurmState + (reason == null ? "" : " (" + reason + ")");
        }
    }

    /**
     * Running (or finishing) on a node. {@code note} says more when the state alone would mislead, e.g. a job that
     * Slurm reports complete whose log has not yet appeared on this machine.
     */
    record Running(String slurmState, String node, Duration elapsed, String note) implements TaskState {
        public boolean terminal() {
            return false;
        }

        public String describe() {
            return slurmState + (node == null ? "" : " on " + node)
                    + (elapsed == null ? "" : ", " + formatElapsed(elapsed)) + (note == null ? "" : "; " + note);
        }
    }

    /** Stata ran the do-file to its end. */
    record Succeeded(String node, Path log) implements TaskState {
        public boolean terminal() {
            return true;
        }

        public String describe() {
            return "finished" + (node == null ? "" : " on " + node);
        }
    }

    /** Stata stopped the do-file with an error; {@code rc} is Stata's return code. */
    record StataError(int rc, String message, String node, Path log) implements TaskState {
        public boolean terminal() {
            return true;
        }

        public String describe() {
            return "Stata error r(" + rc + ")" + (message == null ? "" : ": " + message);
        }
    }

    /** It did not finish: Slurm or the node ended it, or Stata could not start. {@code message} says why. */
    record Failed(String slurmState, String message) implements TaskState {
        public boolean terminal() {
            return true;
        }

        public String describe() {
            return "failed (" + slurmState + "): " + message;
        }
    }

    /** Slurm stopped it at its time limit (or deadline). */
    record TimedOut(String slurmState, String message) implements TaskState {
        public boolean terminal() {
            return true;
        }

        public String describe() {
            return "timed out: " + message;
        }
    }

    /** Cancelled (by scancel, by us or someone else). */
    record Cancelled(String message) implements TaskState {
        public boolean terminal() {
            return true;
        }

        public String describe() {
            return "cancelled" + (message == null ? "" : ": " + message);
        }
    }

    /**
     * The job ended, but its files cannot be seen from this machine: the run folder or the working directory is
     * not on a filesystem shared with the compute nodes (at the same path).
     */
    record LogNotVisible(Path path, String node, String message) implements TaskState {
        public boolean terminal() {
            return true;
        }

        public String describe() {
            return message;
        }
    }

    private static String formatElapsed(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
