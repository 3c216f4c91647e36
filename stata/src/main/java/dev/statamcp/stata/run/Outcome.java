package dev.statamcp.stata.run;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** How a run ended. A closed set: every run ends in exactly one of these. */
public sealed interface Outcome
        permits Outcome.Succeeded, Outcome.StataError, Outcome.Broken, Outcome.Killed, Outcome.SessionDied,
        Outcome.Cancelled {

    /** The same cases as an enum, for switches and storage. */
    enum Kind { SUCCEEDED, STATA_ERROR, BROKEN, KILLED, SESSION_DIED, CANCELLED }

    Kind kind();

    /** Stata's return code when the run reached one (0, N, or 1 for Break). */
    OptionalInt returnCode();

    /** One sentence for a person: what happened and, where it helps, what to do. */
    String summary();

    /** The code ran to its end with return code 0. */
    record Succeeded() implements Outcome {
        public Kind kind() {
            return Kind.SUCCEEDED;
        }

        public OptionalInt returnCode() {
            return OptionalInt.of(0);
        }

        public String summary() {
            return "Completed without error.";
        }
    }

    /**
     * Stata stopped the code with an error.
     *
     * @param rc the return code, r(rc)
     * @param message the message Stata printed (or the documented one when it printed none)
     * @param line line whose command failed, when known: of the submitted code (for an error inside a nested
     *        do-file, the line that called it), or of the do-file itself for {@link RunRequest#ofDoFile}
     * @param command the echoed command that failed (the innermost one), when known
     */
    record StataError(int rc, Optional<String> message, OptionalInt line, Optional<String> command)
            implements Outcome {
        public Kind kind() {
            return Kind.STATA_ERROR;
        }

        public OptionalInt returnCode() {
            return OptionalInt.of(rc);
        }

        public String summary() {
            StringBuilder b = new StringBuilder("Stata error r(").append(rc).append(")");
            message.ifPresent(m -> b.append(": ").append(m.lines().findFirst().orElse(m)));
            line.ifPresent(l -> b.append(" (line ").append(l).append(")"));
            return b.append('.').toString();
        }
    }

    /** The run was interrupted with Break (r(1)); the session and its data survive. */
    record Broken() implements Outcome {
        public Kind kind() {
            return Kind.BROKEN;
        }

        public OptionalInt returnCode() {
            return OptionalInt.of(1);
        }

        public String summary() {
            return "Interrupted (Break, r(1)); the session and its data are kept.";
        }
    }

    /**
     * The Stata process was killed on request; its session state is gone.
     *
     * @param survivors pids of the process group that could not be stopped (normally empty)
     */
    record Killed(String reason, List<Long> survivors) implements Outcome {
        public Kind kind() {
            return Kind.KILLED;
        }

        public OptionalInt returnCode() {
            return OptionalInt.empty();
        }

        public String summary() {
            String s = "Stopped by killing Stata (" + reason + "); data and settings of the session are lost, the "
                    + "next run starts a fresh Stata.";
            return survivors.isEmpty() ? s : s + " Processes " + survivors + " could not be stopped.";
        }
    }

    /**
     * Stata ended or could not start while this run needed it.
     *
     * @param detail what is known (exit code, Stata's own message)
     */
    record SessionDied(String detail, OptionalInt exitCode) implements Outcome {
        public Kind kind() {
            return Kind.SESSION_DIED;
        }

        public OptionalInt returnCode() {
            return OptionalInt.empty();
        }

        public String summary() {
            return detail;
        }
    }

    /** The run never started: it was removed from the queue. */
    record Cancelled(String reason) implements Outcome {
        public Kind kind() {
            return Kind.CANCELLED;
        }

        public OptionalInt returnCode() {
            return OptionalInt.empty();
        }

        public String summary() {
            return "Not run: " + reason + ".";
        }
    }
}
