package dev.statamcp.stata.slurm;

import java.util.Locale;
import java.util.Set;

/** Slurm's job state words, grouped by what they mean for a stata-mcp job. */
final class SlurmStates {

    /** What a state means here. */
    enum Phase { QUEUED, RUNNING, COMPLETED, FAILED, TIMED_OUT, CANCELLED }

    private static final Set<String> QUEUED = Set.of("PENDING", "CONFIGURING", "REQUEUED", "REQUEUE_HOLD",
            "REQUEUE_FED", "RESV_DEL_HOLD");
    private static final Set<String> FAILED = Set.of("FAILED", "NODE_FAIL", "OUT_OF_MEMORY", "PREEMPTED",
            "BOOT_FAIL", "SPECIAL_EXIT", "REVOKED");
    private static final Set<String> TIMED_OUT = Set.of("TIMEOUT", "DEADLINE");

    private SlurmStates() {
    }

    /**
     * The phase of a state word. Words this client does not know (Slurm adds some now and then) count as running:
     * the job is not reported finished on a guess, and once Slurm forgets it, its files decide.
     */
    static Phase phase(String state) {
        String s = normalize(state);
        if (QUEUED.contains(s)) {
            return Phase.QUEUED;
        }
        if (s.equals("COMPLETED")) {
            return Phase.COMPLETED;
        }
        if (FAILED.contains(s)) {
            return Phase.FAILED;
        }
        if (TIMED_OUT.contains(s)) {
            return Phase.TIMED_OUT;
        }
        if (s.equals("CANCELLED")) {
            return Phase.CANCELLED;
        }
        return Phase.RUNNING;
    }

    static boolean isTerminal(String state) {
        Phase p = phase(state);
        return p != Phase.QUEUED && p != Phase.RUNNING;
    }

    /** What a failure state means and what the user can do about it. */
    static String explain(String state) {
        switch (normalize(state)) {
            case "FAILED":
                return "the batch script ended with a non-zero exit code";
            case "NODE_FAIL":
                return "its compute node failed; submit it again";
            case "OUT_OF_MEMORY":
                return "it ran out of memory; ask for more with the mem option";
            case "PREEMPTED":
                return "a higher-priority job preempted it; submit it again, or use a partition or QOS without"
                        + " preemption";
            case "BOOT_FAIL":
                return "its compute node failed to boot; submit it again";
            case "TIMEOUT":
                return "it reached its time limit; ask for more time with the time option";
            case "DEADLINE":
                return "it reached its deadline before it could finish";
            case "CANCELLED":
                return "it was cancelled";
            default:
                return "Slurm ended it in state " + state;
        }
    }

    /** {@code CANCELLED+} (squeue marks some states with a +) and {@code cancelled by 0} become {@code CANCELLED}. */
    static String normalize(String state) {
        String s = state.trim().toUpperCase(Locale.ROOT);
        int end = 0;
        while (end < s.length() && (Character.isLetter(s.charAt(end)) || s.charAt(end) == '_')) {
            end++;
        }
        return s.substring(0, end);
    }
}
