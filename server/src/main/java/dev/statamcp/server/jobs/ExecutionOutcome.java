package dev.statamcp.server.jobs;

import dev.statamcp.server.output.LogLine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How an execution ended.
 *
 * @param ending   the kind of end
 * @param rc       Stata's return code (0 on success, 1 after a Break), or null when Stata never ran it
 * @param message  Stata's error message, or what went wrong around Stata (launch failure, crash), or null
 * @param line     the do-file line that failed, when known
 * @param command  the command that failed, when known
 * @param lines    the run's log, classified
 * @param graphs   files of graphs the run created or changed, exported into the job's folder
 * @param log      the full log file
 * @param omittedLines lines of a very long log not kept in memory (the log file has them)
 * @param omittedAt  index in {@code lines} where those lines would be
 */
public record ExecutionOutcome(Ending ending, Integer rc, String message, Integer line, String command,
                               List<LogLine> lines, List<Path> graphs, Duration duration, Path log,
                               long omittedLines, int omittedAt) {

    public ExecutionOutcome {
        lines = lines == null ? List.of() : List.copyOf(lines);
        graphs = graphs == null ? List.of() : List.copyOf(graphs);
        duration = duration == null ? Duration.ZERO : duration;
    }

    /** An outcome whose lines are all kept. */
    public ExecutionOutcome(Ending ending, Integer rc, String message, Integer line, String command,
                            List<LogLine> lines, List<Path> graphs, Duration duration, Path log) {
        this(ending, rc, message, line, command, lines, graphs, duration, log, 0,
                lines == null ? 0 : lines.size());
    }

    /** The same outcome with a gap of lines not kept in memory. */
    public ExecutionOutcome withOmitted(long count, int at) {
        return new ExecutionOutcome(ending, rc, message, line, command, lines, graphs, duration, log, count, at);
    }

    /** The closed set of ways an execution ends. */
    public enum Ending {
        /** Stata ran it to the end; rc 0. */
        SUCCEEDED,
        /** Stata stopped on an error; rc and message say which. */
        STATA_ERROR,
        /** Stopped by Break; the session survives. */
        BROKEN,
        /** Stopped by killing Stata; the session was restarted. */
        KILLED,
        /** Left the queue before it started. */
        NOT_STARTED,
        /** Stata died or exited under it, or could not be started; the message says which. */
        CRASHED,
        /** The scheduler or the system ended it (out of memory, node failure, preemption). */
        TERMINATED,
        /** The scheduler ended it at its time limit. */
        TIME_LIMIT
    }

    public static ExecutionOutcome notStarted() {
        return new ExecutionOutcome(Ending.NOT_STARTED, null, null, null, null, List.of(), List.of(), Duration.ZERO,
                null);
    }
}
