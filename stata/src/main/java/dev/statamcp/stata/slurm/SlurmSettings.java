package dev.statamcp.stata.slurm;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the Slurm client reaches the cluster and runs Stata there.
 *
 * @param binDir          folder holding sbatch, squeue, scontrol, scancel and sacct; null = found on PATH
 * @param slurmConf       the cluster's slurm.conf, passed as SLURM_CONF; null = Slurm's own default
 * @param stataCommand    the Stata batch binary as the compute nodes see it (e.g. /usr/local/stata18/stata-mp)
 * @param runRoot         where batch scripts, per-task folders and Slurm's output go: one folder per job. It
 *                        must be on a filesystem that this machine and the compute nodes share at the same path
 * @param defaults        resources every job asks for unless the call says otherwise
 * @param commandTimeout  how long one Slurm command may take before it is given up
 * @param visibilityGrace how long after Slurm reports a job complete its files may still be missing here (network
 *                        filesystems show files written on another host with a delay) before the job is reported
 *                        as "log not visible"
 */
public record SlurmSettings(Path binDir, Path slurmConf, String stataCommand, Path runRoot, SlurmResources defaults,
                            Duration commandTimeout, Duration visibilityGrace) {

    /** Configuration keys read by {@link #fromConfig(Map)}: the server's config-file keys, named in messages. */
    public static final String BIN_DIR = "slurm_bin_dir";
    public static final String CONF = "slurm_conf";
    public static final String STATA = "slurm_stata";
    public static final String RUN_DIR = "slurm_run_dir";
    public static final String PARTITION = "slurm_partition";
    public static final String TIME = "slurm_time";
    public static final String CPUS = "slurm_cpus";
    public static final String MEMORY = "slurm_mem";
    public static final String ACCOUNT = "slurm_account";
    public static final String EXTRA_FLAGS = "slurm_extra";
    public static final String COMMAND_TIMEOUT = "slurm_command_timeout_seconds";
    public static final String VISIBILITY_GRACE = "slurm_visibility_grace_seconds";

    public SlurmSettings {
        Objects.requireNonNull(stataCommand, "stataCommand");
        Objects.requireNonNull(runRoot, "runRoot");
        defaults = defaults == null ? SlurmResources.NONE : defaults;
        commandTimeout = commandTimeout == null ? Duration.ofSeconds(30) : commandTimeout;
        visibilityGrace = visibilityGrace == null ? Duration.ofSeconds(60) : visibilityGrace;
        runRoot = runRoot.toAbsolutePath().normalize();
    }

    /** Settings with Slurm found on PATH, its default configuration, and default resources and timeouts. */
    public static SlurmSettings of(String stataCommand, Path runRoot) {
        return new SlurmSettings(null, null, stataCommand, runRoot, null, null, null);
    }

    /**
     * Settings from flat configuration keys ({@code slurm_*}, see the constants). {@code slurm_run_dir} defaults
     * to {@code defaultRunRoot}; {@code slurm_stata} is required.
     */
    public static SlurmSettings fromConfig(Map<String, String> config, Path defaultRunRoot) {
        String stata = blankToNull(config.get(STATA));
        if (stata == null) {
            throw new IllegalArgumentException("set " + STATA + " to the Stata batch binary as the compute nodes"
                    + " see it, e.g. /usr/local/stata18/stata-mp");
        }
        String extra = blankToNull(config.get(EXTRA_FLAGS));
        List<String> flags = extra == null ? List.of() : Arrays.asList(extra.trim().split("\\s+"));
        SlurmResources defaults = new SlurmResources(blankToNull(config.get(PARTITION)),
                blankToNull(config.get(TIME)), intOrNull(config, CPUS), blankToNull(config.get(MEMORY)),
                blankToNull(config.get(ACCOUNT)), flags);
        String runDir = blankToNull(config.get(RUN_DIR));
        return new SlurmSettings(pathOrNull(config.get(BIN_DIR)), pathOrNull(config.get(CONF)), stata,
                runDir == null ? defaultRunRoot : Path.of(runDir), defaults,
                secondsOrNull(config, COMMAND_TIMEOUT), secondsOrNull(config, VISIBILITY_GRACE));
    }

    public SlurmSettings withBinDir(Path value) {
        return new SlurmSettings(value, slurmConf, stataCommand, runRoot, defaults, commandTimeout, visibilityGrace);
    }

    public SlurmSettings withSlurmConf(Path value) {
        return new SlurmSettings(binDir, value, stataCommand, runRoot, defaults, commandTimeout, visibilityGrace);
    }

    public SlurmSettings withDefaults(SlurmResources value) {
        return new SlurmSettings(binDir, slurmConf, stataCommand, runRoot, value, commandTimeout, visibilityGrace);
    }

    public SlurmSettings withCommandTimeout(Duration value) {
        return new SlurmSettings(binDir, slurmConf, stataCommand, runRoot, defaults, value, visibilityGrace);
    }

    public SlurmSettings withVisibilityGrace(Duration value) {
        return new SlurmSettings(binDir, slurmConf, stataCommand, runRoot, defaults, commandTimeout, value);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Path pathOrNull(String s) {
        String v = blankToNull(s);
        return v == null ? null : Path.of(v);
    }

    private static Integer intOrNull(Map<String, String> config, String key) {
        String v = blankToNull(config.get(key));
        try {
            return v == null ? null : Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + v + "'");
        }
    }

    private static Duration secondsOrNull(Map<String, String> config, String key) {
        Integer seconds = intOrNull(config, key);
        return seconds == null ? null : Duration.ofSeconds(seconds);
    }
}
