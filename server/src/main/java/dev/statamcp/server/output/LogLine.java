package dev.statamcp.server.output;

/** One line of a Stata log, with whether it is the echo of a command (". cmd", "  2. cmd", "> cont"). */
public record LogLine(String text, boolean echo) {
}
