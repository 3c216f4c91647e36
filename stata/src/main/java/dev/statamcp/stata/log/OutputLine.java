package dev.statamcp.stata.log;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a run's output as Stata wrote it, with its kind and the moment the engine read it (within a few
 * milliseconds of Stata writing it).
 */
public record OutputLine(Instant at, LineKind kind, String text) {

    public OutputLine {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    public boolean isEcho() {
        return kind == LineKind.ECHO;
    }

    public boolean isError() {
        return kind == LineKind.ERROR;
    }
}
