package dev.statamcp.server.cli;

import dev.statamcp.server.config.Key;
import dev.statamcp.server.config.Settings;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Gives a command one option per setting ({@code --max-sessions}, {@code --data-dir}, ...), generated from
 * {@link Key} so that flags, environment variables and config-file keys never drift apart, and reads them back.
 */
final class SettingsOptions {
    static final String CONFIG = "--config";

    private SettingsOptions() {
    }

    static void addTo(CommandSpec spec) {
        for (Key k : Key.values()) {
            if (spec.findOption(k.flag()) != null) {
                continue;
            }
            OptionSpec.Builder option = OptionSpec.builder(k.flag()).paramLabel(label(k)).type(String.class)
                    .description(k.description() + " (env " + k.env()
                            + (k.defaultValue() == null || k.defaultValue().isEmpty() ? "" : "; default "
                            + k.defaultValue()) + ")");
            if (k == Key.EMULATOR || k == Key.ALLOW_SHELL) {
                option.arity("0..1").fallbackValue("true");
            }
            spec.addOption(option.build());
        }
        if (spec.findOption(CONFIG) == null) {
            spec.addOption(OptionSpec.builder(CONFIG).paramLabel("FILE").type(String.class)
                    .description("Config file (env STATA_MCP_CONFIG; default ~/.stata-mcp/config.toml).").build());
        }
    }

    /** The effective settings: the flags given, then the environment, then the config file, then defaults. */
    static Settings load(ParseResult parsed) {
        Map<Key, String> flags = new EnumMap<>(Key.class);
        for (Key k : Key.values()) {
            if (parsed != null && parsed.hasMatchedOption(k.flag())) {
                flags.put(k, parsed.matchedOptionValue(k.flag(), ""));
            }
        }
        String config = parsed != null && parsed.hasMatchedOption(CONFIG) ? parsed.matchedOptionValue(CONFIG, null)
                : null;
        Path file = Settings.configFile(config, System.getenv());
        return Settings.load(flags, System.getenv(), file);
    }

    private static String label(Key k) {
        return switch (k) {
            case STATA_PATH, DATA_DIR, LOG_FILE -> "PATH";
            case PORT, MAX_SESSIONS, MAX_QUEUE, IDLE_MINUTES, LINESIZE, MAX_CALL_SECONDS, TIMEOUT_SECONDS,
                 PROGRESS_SECONDS, CANCEL_GRACE_SECONDS, DRAIN_SECONDS, GRAPH_WIDTH, MAX_OUTPUT_CHARS, MAX_IMAGES,
                 KEEP_DAYS, KEEP_JOBS, SLURM_CPUS -> "N";
            case EMULATOR, ALLOW_SHELL -> "BOOL";
            default -> "VALUE";
        };
    }
}
