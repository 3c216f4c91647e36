package dev.statamcp.stata.session;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A snapshot of a session for listings and status displays.
 *
 * @param name the session's name ({@code default} or one the client chose)
 * @param state stopped, starting, idle, busy or closed
 * @param pid process id of its Stata (the process group id) while running
 * @param workingDirectory working directory Stata was started in
 * @param runningRunId the run being executed, if any
 * @param queued runs waiting behind it
 * @param processStartedAt when the current Stata process started
 * @param lastActivity when the session last finished a run (or was created)
 * @param runsCompleted runs finished since the session was created
 * @param info what the running Stata reported about itself
 * @param lastExit why the previous Stata process ended, if it ended other than on request
 */
public record SessionStatus(String name, SessionState state, OptionalLong pid, Path workingDirectory,
                            Optional<String> runningRunId, int queued, Optional<Instant> processStartedAt,
                            Instant lastActivity, long runsCompleted, Optional<SessionInfo> info,
                            Optional<String> lastExit) {
}
