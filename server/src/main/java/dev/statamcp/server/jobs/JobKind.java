package dev.statamcp.server.jobs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a job runs: code or a do-file in a console session, a detached batch process, or a cluster job. */
public enum JobKind {
    /** Code run in a persistent console session. */
    CODE,
    /** A do-file run in a persistent console session. */
    FILE,
    /** A do-file run as its own detached Stata batch process (re-adoptable after a restart). */
    BATCH,
    /** A do-file run as a batch job on a Slurm cluster. */
    CLUSTER;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static JobKind fromWire(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }

    /** Jobs of this kind keep running without the server process, so a restart can pick them up again. */
    public boolean survivesServerRestart() {
        return this == BATCH || this == CLUSTER;
    }
}
