package dev.statamcp.bench.fuzz;

import java.nio.file.Path;

/** A problem together with the exact message that caused it. */
public record Finding(int index, FuzzCategory category, byte[] message, Problem problem, Path savedAt) {

    /** Readable, exact account: what was sent, what went wrong, where the bytes are, how to replay. */
    public String describe(long seed) {
        return String.format("%s %s (message #%d, %s, seed %d; replay with --seed %d --from %d --messages 1)%n"
                        + "    sent: %s%n    %s%s",
                problem.severity(), problem.kind(), index, category, seed, seed, index, Printable.of(message),
                problem.detail(), savedAt == null ? "" : "\n    bytes saved in " + savedAt);
    }
}
