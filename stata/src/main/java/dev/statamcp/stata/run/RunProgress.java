package dev.statamcp.stata.run;

import java.time.Duration;

/**
 * Facts about a run in flight, for "command 12 of 40" style progress.
 *
 * @param state queued, running or finished
 * @param totalCommands top-level commands in the submitted code (blocks count once)
 * @param commandsStarted top-level commands Stata has echoed so far
 * @param currentLine line of the submitted code the last started command begins on (0 before the first)
 * @param linesWritten output lines delivered so far
 * @param elapsed time since the run started (zero while queued)
 * @param queuePosition runs ahead of this one in its session's queue (0 when running or done)
 */
public record RunProgress(RunState state, int totalCommands, int commandsStarted, int currentLine,
                          int linesWritten, Duration elapsed, int queuePosition) {
}
