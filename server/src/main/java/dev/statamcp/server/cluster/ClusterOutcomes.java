package dev.statamcp.server.cluster;

import dev.statamcp.server.jobs.ExecutionOutcome;
import dev.statamcp.server.jobs.ExecutionOutcome.Ending;
import dev.statamcp.server.output.LogLine;
import dev.statamcp.stata.log.CommandTracker;
import dev.statamcp.stata.log.DoFileOutline;
import dev.statamcp.stata.log.ErrorLocator;
import dev.statamcp.stata.log.LineClassifier;
import dev.statamcp.stata.log.LogTailer;
import dev.statamcp.stata.log.OutputLine;
import dev.statamcp.stata.slurm.TaskState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * How a cluster task's end reads in the job system's terms. A task Slurm completed is decided by Stata's log
 * (success, or a Stata error with its rc, message, command and do-file line); one Slurm ended (failure, node
 * failure, out of memory, preemption) is {@code TERMINATED} with Slurm's reason; a time limit is
 * {@code TIME_LIMIT}; a cancel is {@code KILLED} once it ran, else {@code NOT_STARTED}.
 */
final class ClusterOutcomes {

    private ClusterOutcomes() {
    }

    /**
     * @param log         this run's Stata log, or null when none of its own was seen
     * @param doFileText  the do-file, for the line of a failing command
     * @param kept        where the log was copied for the job (the result's log), or null
     */
    static ExecutionOutcome of(TaskState state, boolean started, Path log, String doFileText, Duration duration,
                               Path kept) {
        List<String> raw = read(log);
        Path resultLog = kept != null ? kept : log;
        if (state instanceof TaskState.Succeeded) {
            return new ExecutionOutcome(Ending.SUCCEEDED, 0, null, null, null, lines(raw, OptionalInt.of(0)),
                    List.of(), duration, resultLog);
        }
        if (state instanceof TaskState.StataError e) {
            List<OutputLine> classified = LineClassifier.classifyAll(raw, OptionalInt.of(e.rc()), true);
            ErrorLocator.Located located = ErrorLocator.locate(classified, e.rc());
            String message = e.message() != null ? e.message()
                    : located.message().map(m -> m.replace('\n', ' ')).orElse(null);
            return new ExecutionOutcome(Ending.STATA_ERROR, e.rc(), message, lineOf(classified, located,
                    doFileText), located.command().orElse(null), toLogLines(classified), List.of(), duration,
                    resultLog);
        }
        List<LogLine> partial = lines(raw, OptionalInt.empty());
        if (state instanceof TaskState.TimedOut t) {
            return new ExecutionOutcome(Ending.TIME_LIMIT, null, t.message(), null, null, partial, List.of(),
                    duration, resultLog);
        }
        if (state instanceof TaskState.Cancelled c) {
            return new ExecutionOutcome(started ? Ending.KILLED : Ending.NOT_STARTED, null, c.message(), null, null,
                    partial, List.of(), duration, resultLog);
        }
        if (state instanceof TaskState.Failed f) {
            // Slurm saw the script end normally, but Stata's log stops mid-run: Stata itself stopped.
            Ending ending = f.slurmState().equals("COMPLETED") ? Ending.CRASHED : Ending.TERMINATED;
            return new ExecutionOutcome(ending, null, f.message(), null, null, partial, List.of(), duration,
                    resultLog);
        }
        if (state instanceof TaskState.LogNotVisible n) {
            return new ExecutionOutcome(Ending.CRASHED, null, n.message(), null, null, partial, List.of(), duration,
                    resultLog);
        }
        throw new IllegalArgumentException("not an end: " + state.describe());
    }

    private static Integer lineOf(List<OutputLine> classified, ErrorLocator.Located located, String doFileText) {
        if (located.returnCodeIndex() < 0) {
            return null;
        }
        CommandTracker tracker = new CommandTracker(DoFileOutline.of(doFileText));
        for (int i = 0; i < classified.size(); i++) {
            String text = classified.get(i).text();
            if (classified.get(i).isEcho() && text.startsWith(". ") && text.length() > 2) {
                tracker.onEcho(text.substring(2), i);
            }
        }
        OptionalInt line = tracker.lineAt(located.returnCodeIndex());
        return line.isPresent() ? line.getAsInt() : null;
    }

    private static List<LogLine> lines(List<String> raw, OptionalInt rc) {
        return toLogLines(LineClassifier.classifyAll(raw, rc, true));
    }

    private static List<LogLine> toLogLines(List<OutputLine> classified) {
        List<LogLine> out = new ArrayList<>(classified.size());
        for (OutputLine l : classified) {
            out.add(new LogLine(l.text(), l.isEcho()));
        }
        return out;
    }

    private static List<String> read(Path log) {
        if (log == null) {
            return List.of();
        }
        try {
            return LogTailer.readAll(log);
        } catch (IOException e) {
            return List.of();
        }
    }
}
