package dev.statamcp.server.tools;

import dev.statamcp.stata.log.OutputLine;
import dev.statamcp.stata.run.Outcome;
import dev.statamcp.stata.run.RunResult;
import java.util.ArrayList;
import java.util.List;

/** The readable part of a query's output: what Stata printed, without the echo of the query's own code. */
final class QueryText {
    private QueryText() {
    }

    static String of(RunResult r) {
        List<String> lines = new ArrayList<>();
        for (OutputLine l : r.output()) {
            if (!l.isEcho()) {
                lines.add(l.text());
            }
        }
        while (!lines.isEmpty() && lines.get(0).isBlank()) {
            lines.remove(0);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        List<String> squeezed = new ArrayList<>();
        for (String l : lines) {
            if (!(l.isBlank() && !squeezed.isEmpty() && squeezed.get(squeezed.size() - 1).isBlank())) {
                squeezed.add(l);
            }
        }
        return String.join("\n", squeezed);
    }

    /** Stata's error, as a sentence a model can act on, or null when the query succeeded. */
    static String error(RunResult r) {
        if (r.outcome() instanceof Outcome.StataError e) {
            return "Stata error r(" + e.rc() + "): " + e.message().orElse("(no message)");
        }
        if (!(r.outcome() instanceof Outcome.Succeeded)) {
            return r.outcome().summary();
        }
        return null;
    }
}
