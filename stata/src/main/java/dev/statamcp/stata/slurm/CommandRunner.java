package dev.statamcp.stata.slurm;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Runs one external command to completion. The Slurm client's only way to reach Slurm. */
interface CommandRunner {

    /**
     * Runs {@code command} with {@code extraEnv} added to this process's environment.
     *
     * @throws IOException          the program could not be started (typically: not installed)
     * @throws CommandTimeoutException it did not finish within {@code timeout}; it has been killed
     */
    CommandResult run(List<String> command, Map<String, String> extraEnv, Duration timeout)
            throws IOException, CommandTimeoutException;

    /** A command that ran longer than allowed. */
    final class CommandTimeoutException extends Exception {
        CommandTimeoutException(String message) {
            super(message);
        }
    }
}
