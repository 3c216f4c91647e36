package dev.statamcp.stata.process;

import java.time.Duration;
import java.util.List;

/**
 * What a kill achieved.
 *
 * @param forced true when the grace period ran out and SIGKILL (or {@code taskkill /F}) was needed
 * @param survivors pids of the group still alive afterwards (empty on success)
 * @param took time from the first signal to the last check
 */
public record KillReport(boolean forced, List<Long> survivors, Duration took) {

    public boolean clean() {
        return survivors.isEmpty();
    }
}
