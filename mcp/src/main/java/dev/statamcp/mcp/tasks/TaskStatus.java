package dev.statamcp.mcp.tasks;

import java.util.Locale;

/** Where a task is, in the terms of the 2025-11-25 revision; {@code completed}, {@code failed} and {@code cancelled} end it. */
public enum TaskStatus {
    WORKING,
    INPUT_REQUIRED,
    COMPLETED,
    FAILED,
    CANCELLED;

    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
