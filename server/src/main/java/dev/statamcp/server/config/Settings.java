package dev.statamcp.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The effective settings: for each {@link Key}, its value and where it came from. Flags win over environment
 * variables, which win over the config file, which wins over the defaults.
 */
public final class Settings {
    private final Map<Key, String> values;
    private final Map<Key, Source> sources;
    private final Path configFile;

    private Settings(Map<Key, String> values, Map<Key, Source> sources, Path configFile) {
        this.values = values;
        this.sources = sources;
        this.configFile = configFile;
    }

    /**
     * @param flags      values given on the command line (only those given)
     * @param env        the environment
     * @param configFile the config file (may not exist)
     */
    public static Settings load(Map<Key, String> flags, Map<String, String> env, Path configFile) {
        Map<String, String> file = readFile(configFile);
        Map<Key, String> values = new EnumMap<>(Key.class);
        Map<Key, Source> sources = new EnumMap<>(Key.class);
        for (Key k : Key.values()) {
            if (flags.get(k) != null) {
                values.put(k, flags.get(k));
                sources.put(k, Source.FLAG);
            } else if (env.get(k.env()) != null && !env.get(k.env()).isEmpty()) {
                values.put(k, env.get(k.env()));
                sources.put(k, Source.ENVIRONMENT);
            } else if (file.containsKey(k.fileKey())) {
                values.put(k, file.get(k.fileKey()));
                sources.put(k, Source.CONFIG_FILE);
            } else {
                if (k.defaultValue() != null) {
                    values.put(k, k.defaultValue());
                }
                sources.put(k, Source.DEFAULT);
            }
        }
        Settings s = new Settings(values, sources, configFile);
        s.validate();
        return s;
    }

    /** The config file: {@code --config}, else {@code STATA_MCP_CONFIG}, else {@code ~/.stata-mcp/config.toml}. */
    public static Path configFile(String flag, Map<String, String> env) {
        if (flag != null) {
            return expandPath(flag);
        }
        String fromEnv = env.get("STATA_MCP_CONFIG");
        return fromEnv != null && !fromEnv.isEmpty() ? expandPath(fromEnv) : expandPath("~/.stata-mcp/config.toml");
    }

    private static Map<String, String> readFile(Path file) {
        Map<String, String> out = new java.util.HashMap<>();
        if (file == null || !Files.isRegularFile(file)) {
            return out;
        }
        JsonNode root;
        try {
            root = new TomlMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new ConfigException("the config file " + file + " is not valid TOML: " + e.getMessage()
                    + " (write one setting per line, like max_sessions = 4)");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (Key.byFileKey(e.getKey()) == null) {
                throw new ConfigException("the config file " + file + " has an unknown setting '" + e.getKey()
                        + "'; known settings: " + String.join(", ", Arrays.stream(Key.values())
                        .map(Key::fileKey).toList()));
            }
            JsonNode v = e.getValue();
            if (v.isContainerNode()) {
                throw new ConfigException("the setting '" + e.getKey() + "' in " + file
                        + " must be a single value, not a table or a list (use a comma-separated string)");
            }
            out.put(e.getKey(), v.asText());
        }
        return out;
    }

    private void validate() {
        checkInteger(Key.PORT, 0, 65535);
        checkInteger(Key.MAX_SESSIONS, 1, 64);
        checkInteger(Key.MAX_QUEUE, 1, 1_000_000);
        checkInteger(Key.IDLE_MINUTES, 0, 100_000);
        checkInteger(Key.LINESIZE, 40, 255);
        checkInteger(Key.MAX_CALL_SECONDS, 0, Integer.MAX_VALUE);
        checkInteger(Key.TIMEOUT_SECONDS, 0, Integer.MAX_VALUE);
        checkInteger(Key.PROGRESS_SECONDS, 1, 3600);
        checkInteger(Key.CANCEL_GRACE_SECONDS, 0, 3600);
        checkInteger(Key.DRAIN_SECONDS, 0, Integer.MAX_VALUE);
        checkInteger(Key.GRAPH_WIDTH, 100, 10_000);
        checkInteger(Key.MAX_OUTPUT_CHARS, 1_000, 100_000_000);
        checkInteger(Key.MAX_IMAGES, 0, 100);
        checkInteger(Key.KEEP_DAYS, 1, 100_000);
        checkInteger(Key.KEEP_JOBS, 1, Integer.MAX_VALUE);
        checkInteger(Key.SLURM_POLL_SECONDS, 1, 3600);
        checkInteger(Key.SLURM_CPUS, 1, 100_000);
        checkBool(Key.EMULATOR);
        checkBool(Key.ALLOW_SHELL);
        checkOneOf(Key.EXECUTOR, "local", "slurm");
        checkOneOf(Key.LOG_LEVEL, "error", "warn", "info", "debug", "trace");
    }

    public String string(Key k) {
        return values.get(k);
    }

    public int integer(Key k) {
        return Integer.parseInt(values.get(k).trim());
    }

    public boolean bool(Key k) {
        String v = values.get(k).trim().toLowerCase(Locale.ROOT);
        return v.equals("true") || v.equals("1") || v.equals("yes") || v.equals("on");
    }

    /** A duration in seconds; null when the value is 0 (meaning "none"). */
    public Duration secondsOrNone(Key k) {
        int s = integer(k);
        return s == 0 ? null : Duration.ofSeconds(s);
    }

    public Path path(Key k) {
        String v = values.get(k);
        return v == null || v.isBlank() ? null : expandPath(v);
    }

    public List<String> list(Key k) {
        String v = values.get(k);
        List<String> out = new ArrayList<>();
        if (v != null) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    public Source source(Key k) {
        return sources.get(k);
    }

    public Path configFile() {
        return configFile;
    }

    /** Every setting with its value and origin, for {@code serve --print-config}; the token is masked. */
    public String describe() {
        StringBuilder sb = new StringBuilder("# effective settings (flag > environment > config file "
                + configFile + " > default)\n");
        for (Key k : Key.values()) {
            String v = values.get(k);
            String shown = v == null ? "(unset)" : k == Key.TOKEN ? "****" : '"' + v + '"';
            sb.append(String.format(Locale.ROOT, "%-22s = %-28s # %s; %s, %s%n", k.fileKey(), shown,
                    sources.get(k).name().toLowerCase(Locale.ROOT).replace('_', ' '), k.flag(), k.env()));
        }
        return sb.toString();
    }

    /** A path as given in a setting: {@code ~} is the home folder; relative paths start at the working folder. */
    public static Path expandPath(String path) {
        String p = path.strip();
        if (p.equals("~") || p.startsWith("~/")) {
            p = System.getProperty("user.home") + p.substring(1);
        }
        return Path.of(p).toAbsolutePath().normalize();
    }

    private void checkInteger(Key k, int min, int max) {
        String v = values.get(k);
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw new ConfigException(k.fileKey() + " is " + n + " (from " + where(k) + "); it must be between "
                        + min + " and " + max);
            }
        } catch (NumberFormatException e) {
            throw new ConfigException(k.fileKey() + " is '" + v + "' (from " + where(k) + "); it must be a whole"
                    + " number");
        }
    }

    private void checkBool(Key k) {
        String v = values.get(k).trim().toLowerCase(Locale.ROOT);
        if (!List.of("true", "false", "1", "0", "yes", "no", "on", "off").contains(v)) {
            throw new ConfigException(k.fileKey() + " is '" + values.get(k) + "' (from " + where(k)
                    + "); use true or false");
        }
    }

    private void checkOneOf(Key k, String... allowed) {
        String v = values.get(k).trim().toLowerCase(Locale.ROOT);
        if (!Arrays.asList(allowed).contains(v)) {
            throw new ConfigException(k.fileKey() + " is '" + values.get(k) + "' (from " + where(k)
                    + "); use one of " + String.join(", ", allowed));
        }
    }

    private String where(Key k) {
        return switch (sources.get(k)) {
            case FLAG -> "the flag " + k.flag();
            case ENVIRONMENT -> "the environment variable " + k.env();
            case CONFIG_FILE -> "the config file " + configFile;
            case DEFAULT -> "the default";
        };
    }
}
