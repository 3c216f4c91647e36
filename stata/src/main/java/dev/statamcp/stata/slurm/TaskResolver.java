package dev.statamcp.stata.slurm;

import dev.statamcp.stata.log.BatchLogVerdict;
import dev.statamcp.stata.log.ErrorLocator;
import dev.statamcp.stata.log.LineClassifier;
import dev.statamcp.stata.slurm.SlurmStates.Phase;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Turns what Slurm says about a task (or, once Slurm has forgotten it, what the task left in its folder) into a
 * {@link TaskState}. A task Slurm reports COMPLETED is decided by Stata's log: success, or a Stata error with its rc.
 */
final class TaskResolver {

    private static final int TAIL_BYTES = 8192;
    private static final Pattern EXIT_STATA = Pattern.compile("^\\. +exit\\b.*\\bstata\\b.*",
            Pattern.CASE_INSENSITIVE);

    private final Duration visibilityGrace;
    private final Clock clock;

    TaskResolver(Duration visibilityGrace, Clock clock) {
        this.visibilityGrace = visibilityGrace;
        this.clock = clock;
    }

    /** The state of {@code task} given Slurm's record of it. */
    TaskState fromSlurm(SlurmJob job, int task, SlurmTaskRecord r) {
        Phase phase = SlurmStates.phase(r.state());
        String state = SlurmStates.normalize(r.state());
        switch (phase) {
            case QUEUED:
                return new TaskState.Queued(state, r.reason());
            case RUNNING:
                return new TaskState.Running(state, r.node(), r.elapsed(), null);
            case COMPLETED:
                return fromFiles(job, task, r.node(), r.end());
            case CANCELLED:
                return new TaskState.Cancelled("Slurm job " + job.slurmTaskId(task) + " was cancelled"
                        + (r.reason() != null && r.reason().startsWith("by ") ? " " + r.reason() : ""));
            case TIMED_OUT:
                return new TaskState.TimedOut(state, "Slurm job " + job.slurmTaskId(task) + " " + state
                        + on(r.node()) + after(r.elapsed()) + ": " + SlurmStates.explain(state));
            default:
                return failed(job, task, state, r);
        }
    }

    /**
     * The state of a task Slurm no longer knows and accounting cannot tell about: its exit record decides when it
     * has one; else Slurm's own last words in the task's stderr file (time limit, cancel, node failure).
     */
    TaskState fromFiles(SlurmJob job, int task) {
        String[] started = readWords(job.startedMarker(task));
        String node = started.length > 0 ? started[0] : null;
        if (readExit(job, task) != null) {
            return fromFiles(job, task, node, null);
        }
        String err = tail(job.errFile(task));
        String id = job.slurmTaskId(task);
        String e = err.toUpperCase(Locale.ROOT);
        if (e.contains("DUE TO TIME LIMIT")) {
            return new TaskState.TimedOut("TIMEOUT", "Slurm job " + id + " TIMEOUT" + on(node) + ": "
                    + SlurmStates.explain("TIMEOUT"));
        }
        if (e.contains("DUE TO NODE FAILURE")) {
            return new TaskState.Failed("NODE_FAIL", "Slurm job " + id + on(node) + ": "
                    + SlurmStates.explain("NODE_FAIL"));
        }
        if (e.contains("DUE TO PREEMPTION")) {
            return new TaskState.Failed("PREEMPTED", "Slurm job " + id + on(node) + ": "
                    + SlurmStates.explain("PREEMPTED"));
        }
        if (e.contains("OOM") || e.contains("OUT OF MEMORY")) {
            return new TaskState.Failed("OUT_OF_MEMORY", "Slurm job " + id + on(node) + ": "
                    + SlurmStates.explain("OUT_OF_MEMORY"));
        }
        if (e.contains("CANCELLED AT")) {
            return new TaskState.Cancelled("Slurm job " + id + " was cancelled");
        }
        if (node != null) {
            return new TaskState.Failed("LOST", "Slurm no longer knows job " + id + " and has no accounting to"
                    + " ask; it started on " + node + " but ended before Stata returned (cancelled, out of memory"
                    + " or a node failure)" + errTail(err, job.errFile(task)));
        }
        return new TaskState.Failed("LOST", "Slurm no longer knows job " + id + ", has no accounting to ask, and"
                + " the job left nothing in " + job.taskDir(task) + ": it never started, or that folder is not on a"
                + " filesystem shared with the compute nodes (set " + SlurmSettings.RUN_DIR + " to one that is)");
    }

    /** A task that ended normally as far as Slurm knows: its exit record and Stata's log decide. */
    private TaskState fromFiles(SlurmJob job, int task, String node, Instant end) {
        Integer exit = readExit(job, task);
        String id = job.slurmTaskId(task);
        if (exit == null) {
            if (withinGrace(end)) {
                return new TaskState.Running("COMPLETED", node, null, "waiting for its files to appear here");
            }
            return new TaskState.LogNotVisible(job.exitMarker(task), node, "Slurm job " + id + " completed"
                    + on(node) + ", but its exit record " + job.exitMarker(task) + " is not visible from this"
                    + " machine: " + job.runDir().getParent() + " must be on a filesystem shared by this machine"
                    + " and the compute nodes, at the same path (set " + SlurmSettings.RUN_DIR + ")");
        }
        if (exit != 0) {
            return new TaskState.Failed("FAILED", "Slurm job " + id + on(node) + ": the Stata binary exited with"
                    + " code " + exit + " before running the do-file (is " + SlurmSettings.STATA + " right for the"
                    + " compute nodes, and is a licence seat free?)" + errTail(tail(job.errFile(task)),
                    job.errFile(task)));
        }
        Path log = job.logPath(task);
        if (!Files.isRegularFile(log)) {
            if (withinGrace(end)) {
                return new TaskState.Running("COMPLETED", node, null, "waiting for its log to appear here");
            }
            return new TaskState.LogNotVisible(log, node, "Slurm job " + id + " finished" + on(node) + ", but"
                    + " Stata's log " + log + " is not visible from this machine: the working directory "
                    + log.getParent() + " must be on a filesystem shared by this machine and the compute nodes, at"
                    + " the same path");
        }
        List<String> lines;
        try {
            // Stata writes UTF-8 logs; a stray invalid byte becomes U+FFFD rather than failing the result.
            lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            return new TaskState.Failed("COMPLETED", "Stata's log " + log + " cannot be read: " + e.getMessage());
        }
        BatchLogVerdict verdict = BatchLogVerdict.of(lines);
        if (verdict.state() == BatchLogVerdict.State.FAILED) {
            int rc = verdict.rc().orElseThrow();
            return new TaskState.StataError(rc, errorMessage(lines, rc), node, log);
        }
        if (verdict.state() == BatchLogVerdict.State.INCOMPLETE && !endsWithExitStata(lines)) {
            return new TaskState.Failed("COMPLETED", "Stata's log " + log + " stops before the end of the do-file"
                    + " (last line: " + lastNonBlank(lines) + "): Stata was stopped or crashed while running it");
        }
        return new TaskState.Succeeded(node, log);
    }

    /** Stata's error text above {@code r(rc);}, found by the engine's log classifier. */
    private static String errorMessage(List<String> lines, int rc) {
        return ErrorLocator.locate(LineClassifier.classifyAll(lines, OptionalInt.of(rc), false), rc).message()
                .map(m -> m.replace('\n', ' ')).orElse(null);
    }

    /**
     * A do-file that ends with {@code exit, STATA} (a common last line of batch do-files) leaves Stata before the
     * {@code end of do-file} line is written; that is a finished run, not an interrupted one.
     */
    private static boolean endsWithExitStata(List<String> lines) {
        String last = lastNonBlank(lines);
        return last != null && EXIT_STATA.matcher(last).matches();
    }

    private static String lastNonBlank(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank()) {
                return lines.get(i);
            }
        }
        return null;
    }

    private TaskState failed(SlurmJob job, int task, String state, SlurmTaskRecord r) {
        String err = tail(job.errFile(task));
        return new TaskState.Failed(state, "Slurm job " + job.slurmTaskId(task) + " " + state
                + (r.reason() == null || r.reason().equals("NonZeroExitCode") ? "" : " (" + r.reason() + ")")
                + on(r.node()) + (r.exitCode() == null || r.exitCode().equals("0:0") ? ""
                : ", exit code " + r.exitCode()) + ": " + SlurmStates.explain(state) + errTail(err, job.errFile(task)));
    }

    private boolean withinGrace(Instant end) {
        return end != null && clock.instant().isBefore(end.plus(visibilityGrace));
    }

    private static Integer readExit(SlurmJob job, int task) {
        String[] words = readWords(job.exitMarker(task));
        try {
            return words.length == 0 ? null : Integer.valueOf(words[0]);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String[] readWords(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8).strip();
            return s.isEmpty() ? new String[0] : s.split("\\s+");
        } catch (IOException e) {
            return new String[0];
        }
    }

    /** The last few KB of a file, or "" when it is missing. */
    static String tail(Path file) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, f.length() - TAIL_BYTES);
            byte[] bytes = new byte[(int) (f.length() - start)];
            f.seek(start);
            f.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The last lines of the task's stderr, which hold the real reason when the script or Stata failed. */
    private static String errTail(String err, Path file) {
        List<String> lines = err.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            return "";
        }
        String last = String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size())).strip();
        return ". Its stderr (" + file + ") ends: " + (last.length() > 600 ? last.substring(last.length() - 600)
                : last);
    }

    private static String on(String node) {
        return node == null ? "" : " on " + node;
    }

    private static String after(Duration elapsed) {
        return elapsed == null ? "" : " after " + elapsed.toSeconds() + " s";
    }
}
