package dev.statamcp.stata.run;

import java.util.Objects;
import java.util.Optional;

/**
 * Code to run in a console session.
 *
 * @param code Stata code, run as written (never rewritten); it may span many lines
 * @param internal true for the server's own queries (reading results, exporting a graph): their lines are not
 *        part of the user's history, graphs are not tracked, and the user's {@code _rc} is restored afterwards
 * @param holdResults for internal queries: keep the user's {@code r()} out of reach during the query and restore it
 *        afterwards ({@code _return hold/restore}); leave false for queries that must read {@code r()}
 * @param listener receives lines and progress from the start (optional)
 */
public record RunRequest(String code, boolean internal, boolean holdResults, Optional<RunListener> listener) {

    public RunRequest {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(listener, "listener");
        if (holdResults && !internal) {
            throw new IllegalArgumentException("holdResults is for internal queries only");
        }
    }

    /** User code. */
    public static RunRequest of(String code) {
        return new RunRequest(code, false, false, Optional.empty());
    }

    /** An internal query that may read (but should not change) the user's results. */
    public static RunRequest query(String code) {
        return new RunRequest(code, true, false, Optional.empty());
    }

    /** An internal query whose own commands would overwrite {@code r()}: the user's {@code r()} is held around it. */
    public static RunRequest queryHoldingResults(String code) {
        return new RunRequest(code, true, true, Optional.empty());
    }

    public RunRequest withListener(RunListener l) {
        return new RunRequest(code, internal, holdResults, Optional.of(l));
    }
}
