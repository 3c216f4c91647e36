package dev.statamcp.server.jobs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a job is in its life: queued → running → one of the terminal states. */
public enum JobStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED,
    TIMED_OUT,
    /** The server process that ran it died; its partial log is kept. */
    INTERRUPTED;

    public boolean isTerminal() {
        return this != QUEUED && this != RUNNING;
    }

    /** The lower-case name used in the store, the tools and the REST API. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static JobStatus fromWire(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown job status '" + name
                    + "'; use one of queued, running, succeeded, failed, cancelled, timed_out, interrupted");
        }
    }
}
