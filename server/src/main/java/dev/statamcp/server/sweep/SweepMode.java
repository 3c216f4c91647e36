package dev.statamcp.server.sweep;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a sweep's tasks run. */
public enum SweepMode {
    /** Each task a fresh console session of this server's pool, a few at a time. */
    LOCAL,
    /** One Slurm job array, one array task per argument list. */
    CLUSTER;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static SweepMode fromWire(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
