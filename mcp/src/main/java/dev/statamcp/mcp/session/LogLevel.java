package dev.statamcp.mcp.session;

import java.util.Locale;

/** MCP log levels (RFC 5424 severities), least severe first. */
public enum LogLevel {
    DEBUG, INFO, NOTICE, WARNING, ERROR, CRITICAL, ALERT, EMERGENCY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The level for a wire name, or null when the name is not one of the eight levels. */
    public static LogLevel fromWire(String name) {
        if (name == null) {
            return null;
        }
        for (LogLevel level : values()) {
            if (level.wireName().equals(name)) {
                return level;
            }
        }
        return null;
    }
}
