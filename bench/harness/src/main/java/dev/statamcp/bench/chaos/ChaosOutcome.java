package dev.statamcp.bench.chaos;

import java.util.List;
import java.util.Map;

/**
 * What one chaos run did and found.
 *
 * @param target      what was killed
 * @param killAfterMs when, after the first job was submitted
 * @param before      each job's status just before the kill, by job id
 * @param after       each job's status once everything had ended, by job id
 * @param story       each job: number, session (b: batch), first letter of its status before → after
 * @param problems    broken promises (the run fails)
 * @param notes       facts worth reading that break no promise
 */
public record ChaosOutcome(int number, String target, long killAfterMs, Map<String, String> before,
                           Map<String, String> after, String story, List<String> problems, List<String> notes) {

    public boolean passed() {
        return problems.isEmpty();
    }

    /** Jobs that had ended before the kill. */
    public long endedBefore() {
        return before.values().stream().filter(s -> !s.equals("queued") && !s.equals("running")).count();
    }

    public long count(String status) {
        return after.values().stream().filter(s -> s.equals(status)).count();
    }
}
