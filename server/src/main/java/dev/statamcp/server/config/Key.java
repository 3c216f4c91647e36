package dev.statamcp.server.config;

import java.util.Locale;

/**
 * Every setting the server reads, with its config-file key, environment variable, default and meaning. Each can
 * be given as a command-line flag ({@code --max-sessions 4}), an environment variable
 * ({@code STATA_MCP_MAX_SESSIONS=4}) or a line in the config file ({@code max_sessions = 4}); flags win over
 * the environment, which wins over the file, which wins over the default.
 */
public enum Key {
    STATA_PATH("stata_path", "STATA_PATH", null,
            "Stata binary or installation folder; unset = search PATH and the standard locations"),
    EMULATOR("emulator", null, "false",
            "use the bundled emulator fakestata when no Stata is found (results are the emulator's, not Stata's)"),
    DATA_DIR("data_dir", null, "~/.stata-mcp", "job store, logs and graphs"),
    HOST("host", null, "127.0.0.1", "HTTP bind address (a non-loopback address requires a token)"),
    PORT("port", null, "4000", "HTTP port"),
    TOKEN("token", null, null, "bearer token required on every HTTP request"),
    ALLOWED_ORIGINS("allowed_origins", null, "",
            "extra browser origins allowed to call the HTTP server (comma-separated); localhost is always allowed"),
    ALLOWED_HOSTS("allowed_hosts", null, "",
            "extra host names accepted in Host headers (comma-separated), e.g. behind a proxy"),
    MAX_SESSIONS("max_sessions", null, "4", "Stata sessions running at once (each takes a licence seat)"),
    MAX_QUEUE("max_queue", null, "1000", "runs waiting per session before new ones are refused"),
    IDLE_MINUTES("idle_minutes", null, "60", "idle sessions are closed after this many minutes (0 = never)"),
    LINESIZE("linesize", null, "200", "Stata's line width in sessions (40-255)"),
    WORKSPACE("workspace", null, "",
            "folders tools may read and run files in (comma-separated) when the client offers no roots;"
                    + " the server's working folder is always allowed"),
    ALLOW_SHELL("allow_shell", null, "false", "let Stata code use shell, !, winexec, xshell and unix"),
    MAX_CALL_SECONDS("max_call_seconds", null, "0",
            "a synchronous run returns 'still running' with the job id after this long (0 = wait to the end)"),
    TIMEOUT_SECONDS("timeout_seconds", null, "0", "default time limit of a job (0 = none)"),
    PROGRESS_SECONDS("progress_seconds", null, "5", "progress is sent at least this often while a call waits"),
    CANCEL_GRACE_SECONDS("cancel_grace_seconds", null, "2", "time a Break may take before Stata is killed"),
    DRAIN_SECONDS("drain_seconds", null, "1800", "on stdin EOF, running jobs may finish for this long"),
    GRAPH_WIDTH("graph_width", null, "800", "width in pixels of graphs returned as images"),
    MAX_OUTPUT_CHARS("max_output_chars", null, "40000", "output text limit of a result (head and tail kept)"),
    MAX_IMAGES("max_images", null, "4", "graphs returned as images per result; more become links"),
    KEEP_DAYS("keep_days", null, "30", "ended jobs are deleted after this many days"),
    KEEP_JOBS("keep_jobs", null, "5000", "at most this many ended jobs are kept"),
    EXECUTOR("executor", null, "local",
            "local, or slurm: enables mode=cluster and runs stata_run_sweep as Slurm job arrays"),
    SLURM_STATA("slurm_stata", null, null,
            "Stata batch binary as the compute nodes see it; unset = the Stata this server finds"),
    SLURM_RUN_DIR("slurm_run_dir", null, null,
            "folder for cluster job files, shared with the compute nodes at the same path; unset = <data_dir>/slurm"),
    SLURM_CONF("slurm_conf", null, null, "the cluster's slurm.conf (passed as SLURM_CONF); unset = Slurm's default"),
    SLURM_BIN_DIR("slurm_bin_dir", null, null, "folder holding sbatch, squeue, scontrol, scancel; unset = PATH"),
    SLURM_POLL_SECONDS("slurm_poll_seconds", null, "5", "how often cluster jobs' states are asked of Slurm"),
    SLURM_PARTITION("slurm_partition", null, null, "Slurm partition for cluster jobs"),
    SLURM_TIME("slurm_time", null, "01:00:00", "Slurm time limit for cluster jobs"),
    SLURM_CPUS("slurm_cpus", null, "1", "CPUs per cluster job"),
    SLURM_MEM("slurm_mem", null, null, "memory per cluster job (e.g. 4G)"),
    SLURM_ACCOUNT("slurm_account", null, null, "Slurm account to charge"),
    SLURM_EXTRA("slurm_extra", null, "", "extra sbatch flags (space-separated)"),
    LOG_LEVEL("log_level", null, "info", "server log level: error, warn, info, debug"),
    LOG_FILE("log_file", null, null, "also write the server log to this file");

    private final String fileKey;
    private final String env;
    private final String defaultValue;
    private final String description;

    Key(String fileKey, String env, String defaultValue, String description) {
        this.fileKey = fileKey;
        this.env = env != null ? env : "STATA_MCP_" + fileKey.toUpperCase(Locale.ROOT);
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String fileKey() {
        return fileKey;
    }

    public String env() {
        return env;
    }

    public String flag() {
        return "--" + fileKey.replace('_', '-');
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    public static Key byFileKey(String key) {
        for (Key k : values()) {
            if (k.fileKey.equals(key)) {
                return k;
            }
        }
        return null;
    }
}
