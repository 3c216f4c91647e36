package dev.statamcp.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;

/** What an executor reports while a job runs. Called from executor threads; implementations must be quick. */
public interface ExecutionListener {

    /** The job left its queue and Stata works on it; its log is (or will be) at {@code log}. */
    void onStarted(Instant at, Path log);

    /** One line Stata wrote. {@code echo} marks the echo of a command. */
    void onLine(String text, boolean echo, Instant at);

    /** Position in the code: top-level commands echoed so far, and the total when known (else null). */
    void onPosition(long commandsDone, Long commandsTotal);

    /** Scheduler or process state worth showing (e.g. {@code PENDING (Resources)}, {@code RUNNING on node1}). */
    default void onState(String state) {
    }

    /** Facts a later server process needs to re-adopt the job (pid and start time, scheduler job id). */
    default void onExecutorFacts(JsonNode facts) {
    }
}
