package dev.statamcp.stata.run;

import dev.statamcp.stata.log.LineKind;
import dev.statamcp.stata.log.OutputLine;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * The finished result of one run, immutable.
 *
 * @param runId the engine's id of the run
 * @param outcome how it ended (with return code and error details)
 * @param output every line the code produced, classified (echo, output, error), in order
 * @param graphs names of graphs the run created or redrew, in Stata's order
 * @param started when Stata began the run (or when it was cancelled, for a run that never started)
 * @param finished when the engine saw it end
 * @param logPath the text log holding the output, while the engine keeps it
 * @param freshSession true when this run started a new Stata (first run, or after a crash, kill or restart), so
 *        nothing from earlier runs is in memory
 * @param notes facts worth telling the user that are not errors (e.g. the code closed the engine's log)
 * @param omittedLines output lines not kept in memory (a very long run keeps its first and last lines; the log
 *        file has all of them)
 * @param omittedAt index in {@code output} where the omitted lines would be
 */
public record RunResult(String runId, Outcome outcome, List<OutputLine> output, List<String> graphs,
                        Instant started, Instant finished, Optional<Path> logPath, boolean freshSession,
                        List<String> notes, long omittedLines, int omittedAt) {

    /** A result with all its lines kept. */
    public RunResult(String runId, Outcome outcome, List<OutputLine> output, List<String> graphs, Instant started,
                     Instant finished, Optional<Path> logPath, boolean freshSession, List<String> notes) {
        this(runId, outcome, output, graphs, started, finished, logPath, freshSession, notes, 0, output.size());
    }

    public RunResult {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(outcome, "outcome");
        output = List.copyOf(output);
        graphs = List.copyOf(graphs);
        notes = List.copyOf(notes);
    }

    public Duration duration() {
        return Duration.between(started, finished);
    }

    public OptionalInt rc() {
        return outcome.returnCode();
    }

    public boolean succeeded() {
        return outcome instanceof Outcome.Succeeded;
    }

    /** The error message, when the run ended in a Stata error. */
    public Optional<String> errorMessage() {
        return outcome instanceof Outcome.StataError e ? e.message() : Optional.empty();
    }

    /** The output as Stata printed it (echo lines included), one line per line. */
    public String text() {
        return output.stream().map(OutputLine::text).collect(Collectors.joining("\n"));
    }

    /** The output without Stata's echo of the code (what the commands printed, and errors). */
    public String textWithoutEcho() {
        return output.stream().filter(l -> l.kind() != LineKind.ECHO).map(OutputLine::text)
                .collect(Collectors.joining("\n"));
    }
}
