package dev.statamcp.server.cluster;

import dev.statamcp.server.config.Key;
import dev.statamcp.server.config.Settings;
import dev.statamcp.stata.slurm.SlurmResources;
import dev.statamcp.stata.slurm.SlurmSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** The Slurm client's settings from the server's ({@code slurm_*} keys). */
public final class ClusterSetup {

    private ClusterSetup() {
    }

    /** True when the server runs with {@code --executor slurm}. */
    public static boolean enabled(Settings settings) {
        return "slurm".equals(settings.string(Key.EXECUTOR).trim().toLowerCase(Locale.ROOT));
    }

    public static Duration pollInterval(Settings settings) {
        return Duration.ofSeconds(settings.integer(Key.SLURM_POLL_SECONDS));
    }

    /**
     * @param dataDir         the server's data directory ({@code <data_dir>/slurm} is the default run folder)
     * @param discoveredStata the Stata binary this server finds, used when {@code slurm_stata} is unset (the same
     *                        path on the nodes: typical where software lives on a shared filesystem)
     * @throws IllegalArgumentException with the setting to fix when a value is not valid for Slurm
     */
    public static SlurmSettings slurmSettings(Settings settings, Path dataDir, Supplier<Path> discoveredStata) {
        String stata = settings.string(Key.SLURM_STATA);
        if (stata == null || stata.isBlank()) {
            stata = discoveredStata.get().toString();
        }
        Path runDir = settings.path(Key.SLURM_RUN_DIR);
        String extra = settings.string(Key.SLURM_EXTRA);
        List<String> flags = extra == null || extra.isBlank() ? List.of() : Arrays.asList(extra.strip().split("\\s+"));
        SlurmResources defaults;
        try {
            defaults = new SlurmResources(blankToNull(settings.string(Key.SLURM_PARTITION)),
                    blankToNull(settings.string(Key.SLURM_TIME)), settings.integer(Key.SLURM_CPUS),
                    blankToNull(settings.string(Key.SLURM_MEM)), blankToNull(settings.string(Key.SLURM_ACCOUNT)),
                    flags);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " in the server's slurm_* settings (see"
                    + " `stata-mcp serve --print-config`)", e);
        }
        return new SlurmSettings(settings.path(Key.SLURM_BIN_DIR), settings.path(Key.SLURM_CONF), stata,
                runDir != null ? runDir : dataDir.resolve("slurm"), defaults, null, null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
