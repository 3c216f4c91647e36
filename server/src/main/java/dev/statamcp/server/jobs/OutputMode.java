package dev.statamcp.server.jobs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How much of Stata's log a result carries: compact (readable, nothing of substance dropped) or full. */
public enum OutputMode {
    COMPACT,
    FULL;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static OutputMode fromWire(String name) {
        return name == null ? COMPACT : valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
