package dev.statamcp.stata.testing;

import dev.statamcp.stata.log.LineKind;
import dev.statamcp.stata.log.OutputLine;
import dev.statamcp.stata.run.RunHandle;
import dev.statamcp.stata.run.RunResult;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Small helpers for integration tests. */
public final class Runs {

    private Runs() {
    }

    /** Waits for a result (generous bound: the machine is shared). */
    public static RunResult await(RunHandle handle) {
        try {
            return handle.result().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("run " + handle.runId() + " did not finish: " + e, e);
        }
    }

    /** Texts of the lines of one kind. */
    public static List<String> texts(RunResult r, LineKind kind) {
        return r.output().stream().filter(l -> l.kind() == kind).map(OutputLine::text).toList();
    }

    /** Printed output without echoes, as a list. */
    public static List<String> printed(RunResult r) {
        return r.output().stream().filter(l -> l.kind() != LineKind.ECHO).map(OutputLine::text)
                .filter(t -> !t.isBlank()).toList();
    }
}
