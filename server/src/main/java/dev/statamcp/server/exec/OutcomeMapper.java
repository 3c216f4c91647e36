package dev.statamcp.server.exec;

import dev.statamcp.server.jobs.ExecutionOutcome;
import dev.statamcp.server.jobs.ExecutionOutcome.Ending;
import dev.statamcp.server.output.LogLine;
import dev.statamcp.stata.log.OutputLine;
import dev.statamcp.stata.run.Outcome;
import dev.statamcp.stata.run.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Translates the engine's run results into the job system's terms. */
final class OutcomeMapper {
    private OutcomeMapper() {
    }

    /**
     * @param graphFiles graph files exported for this run (only those that exist are kept)
     * @param log        the job's log file
     */
    static ExecutionOutcome map(RunResult result, List<Path> graphFiles, Path log) {
        return outcome(result, graphFiles, log).withOmitted(result.omittedLines(), result.omittedAt());
    }

    private static ExecutionOutcome outcome(RunResult result, List<Path> graphFiles, Path log) {
        List<LogLine> lines = new ArrayList<>(result.output().size());
        for (OutputLine l : result.output()) {
            lines.add(new LogLine(l.text(), l.isEcho()));
        }
        List<Path> graphs = graphFiles.stream().filter(Files::isRegularFile).toList();
        Outcome o = result.outcome();
        Integer rc = o.returnCode().isPresent() ? o.returnCode().getAsInt() : null;
        if (o instanceof Outcome.Succeeded) {
            return new ExecutionOutcome(Ending.SUCCEEDED, 0, null, null, null, lines, graphs, result.duration(), log);
        }
        if (o instanceof Outcome.StataError e) {
            return new ExecutionOutcome(Ending.STATA_ERROR, e.rc(), e.message().orElse(null),
                    e.line().isPresent() ? e.line().getAsInt() : null, e.command().orElse(null), lines, graphs,
                    result.duration(), log);
        }
        if (o instanceof Outcome.Broken) {
            return new ExecutionOutcome(Ending.BROKEN, 1, o.summary(), null, null, lines, graphs, result.duration(),
                    log);
        }
        if (o instanceof Outcome.Killed) {
            return new ExecutionOutcome(Ending.KILLED, rc, o.summary(), null, null, lines, graphs, result.duration(),
                    log);
        }
        if (o instanceof Outcome.Cancelled) {
            return new ExecutionOutcome(Ending.NOT_STARTED, null, o.summary(), null, null, lines, List.of(),
                    result.duration(), log);
        }
        return new ExecutionOutcome(Ending.CRASHED, rc, o.summary(), null, null, lines, graphs, result.duration(),
                log);
    }
}
