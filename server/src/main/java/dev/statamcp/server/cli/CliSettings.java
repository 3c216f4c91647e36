package dev.statamcp.server.cli;

import dev.statamcp.server.config.Key;
import dev.statamcp.server.config.Settings;
import dev.statamcp.server.config.Source;
import picocli.CommandLine.Model.CommandSpec;

/** Settings for the commands people type (run, jobs, doctor): as for serve, but quiet logs by default. */
final class CliSettings {
    private CliSettings() {
    }

    /**
     * The effective settings of the command. The server log defaults to errors only here: the command's own
     * output says what happens, and log lines on the terminal would break the progress bar. An explicit
     * {@code --log-level} (or STATA_MCP_LOG_LEVEL, or the config file) still wins.
     */
    static Settings load(CommandSpec spec) {
        Settings settings = SettingsOptions.load(spec.commandLine().getParseResult());
        String level = settings.source(Key.LOG_LEVEL) == Source.DEFAULT ? "error" : settings.string(Key.LOG_LEVEL);
        LogSetup.override(level, settings.string(Key.LOG_FILE));
        return settings;
    }
}
