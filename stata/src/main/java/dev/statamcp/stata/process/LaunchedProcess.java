package dev.statamcp.stata.process;

import java.util.Optional;

/**
 * A process the engine started, with the process group it leads (Unix) so that it and everything it spawned can be
 * signalled and killed together.
 */
public record LaunchedProcess(Process process, Optional<ProcessGroup> group, Platform platform) {

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }
}
