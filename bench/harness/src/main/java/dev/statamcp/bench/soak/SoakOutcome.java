package dev.statamcp.bench.soak;

import dev.statamcp.bench.stats.Summary;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a soak did and found.
 *
 * @param plannedSeconds how long the clients were to keep going
 * @param seconds        how long they did (each finishes its last job after the time is up)
 * @param sampleSeconds  how often the server was sampled
 * @param doneByKind     jobs with every answer as expected, by kind label, in the kinds' order
 * @param failedByKind   jobs that failed, by kind label
 * @param latencyByTool  every call's latency, by tool
 * @param failures       the failures kept with their details (the first {@value ClientTally#KEPT_FAILURES} of each
 *                       client)
 * @param failedCalls    all failures, kept or not
 * @param cancelsByKill  cancelled jobs that Break did not stop (Stata killed after the grace, the session restarted)
 * @param problems       what went wrong with the run itself
 * @param serverLog      the server's standard error
 */
public record SoakOutcome(long seed, int clients, long plannedSeconds, double seconds, long sampleSeconds,
                          List<Sample> samples, Map<String, Long> doneByKind, Map<String, Long> failedByKind,
                          Map<String, Summary> latencyByTool, List<Failure> failures, long failedCalls,
                          long cancelsByKill, List<Long> jobsByClient, List<String> leftovers, List<String> problems,
                          Verdict verdict, Path serverLog) {

    public boolean passed() {
        return verdict.passed();
    }

    public long jobsDone() {
        return doneByKind.values().stream().mapToLong(Long::longValue).sum();
    }
}
