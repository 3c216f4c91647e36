package dev.statamcp.stata.log;

import java.util.List;
import java.util.OptionalInt;

/**
 * What the end of a batch log says about the run, by the rule Stata's framing allows: find the <em>last</em> line
 * {@code end of do-file}; if the first non-blank line after it (skipping {@code --Break--}) is {@code r(N);} the
 * run failed with code N, otherwise it succeeded. With no {@code end of do-file} at all, Stata never finished the
 * do-file: it was killed, crashed, or is still running. A {@code r(199);} a command displayed is never mistaken
 * for an error because it is not what follows the last {@code end of do-file}.
 */
public record BatchLogVerdict(State state, OptionalInt rc, boolean breakSeen) {

    public enum State {
        SUCCEEDED,
        FAILED,
        /** No {@code end of do-file}: the log stops mid-run. */
        INCOMPLETE
    }

    public static BatchLogVerdict of(List<String> lines) {
        int lastEnd = -1;
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).stripTrailing().equals("end of do-file")) {
                lastEnd = i;
                break;
            }
        }
        boolean breakSeen = lines.stream().anyMatch(l -> l.strip().equals("--Break--"));
        if (lastEnd < 0) {
            return new BatchLogVerdict(State.INCOMPLETE, OptionalInt.empty(), breakSeen);
        }
        for (int i = lastEnd + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.strip().equals("--Break--")) {
                continue;
            }
            int rc = LineSyntax.returnCode(line);
            if (rc >= 0) {
                return new BatchLogVerdict(State.FAILED, OptionalInt.of(rc), breakSeen);
            }
            break;
        }
        return new BatchLogVerdict(State.SUCCEEDED, OptionalInt.of(0), breakSeen);
    }
}
