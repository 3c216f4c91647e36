package dev.statamcp.stata.slurm;

import dev.statamcp.stata.slurm.CommandRunner.CommandTimeoutException;
import dev.statamcp.stata.slurm.SlurmException.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Slurm commands the client uses, each run with a timeout, and Slurm's error messages turned into
 * {@link SlurmException}s that say what to do.
 */
final class SlurmCommands {

    private static final Pattern PARSABLE_ID = Pattern.compile("^(\\d+)(;\\S+)?$");
    private static final String INVALID_JOB_ID = "invalid job id specified";

    private final SlurmSettings settings;
    private final CommandRunner runner;

    SlurmCommands(SlurmSettings settings, CommandRunner runner) {
        this.settings = settings;
        this.runner = runner;
    }

    /** Submits {@code script} and returns Slurm's job id. */
    String sbatch(Path script) throws SlurmException, CommandTimeoutException {
        CommandResult r = run("sbatch", List.of("--parsable", script.toString()));
        if (!r.ok()) {
            throw classify("sbatch", r, true);
        }
        // --parsable prints "id" or "id;cluster"; warnings may come before it.
        List<String> lines = r.stdout().strip().lines().toList();
        Matcher m = lines.isEmpty() ? null : PARSABLE_ID.matcher(lines.get(lines.size() - 1).strip());
        if (m == null || !m.matches()) {
            throw new SlurmException(Kind.UNEXPECTED_OUTPUT, "sbatch accepted the job but printed no job id ("
                    + r.message() + "); look for it with: squeue --me");
        }
        return m.group(1);
    }

    /** {@code scontrol show job -o <id>}, or empty when the controller no longer knows the job. */
    Optional<String> showJob(String slurmJobId) throws SlurmException {
        CommandResult r = runOrTimeout("scontrol", List.of("show", "job", "-o", slurmJobId));
        if (!r.ok()) {
            if (r.message().toLowerCase(Locale.ROOT).contains(INVALID_JOB_ID)) {
                return Optional.empty();
            }
            throw classify("scontrol", r, false);
        }
        return Optional.of(r.stdout());
    }

    /** The ids squeue lists for a job among its pending and running jobs ({@code 12}, {@code 12_3}). */
    List<String> queued(String slurmJobId) throws SlurmException {
        return squeue(List.of("-h", "-r", "-j", slurmJobId, "-o", "%i"));
    }

    /** The job ids (not task ids) of jobs with this name, newest last. */
    List<String> findByName(String jobName) throws SlurmException {
        List<String> ids = new ArrayList<>();
        for (String id : squeue(List.of("-h", "--states=all", "--name=" + jobName, "-o", "%i"))) {
            String job = id.contains("_") ? id.substring(0, id.indexOf('_')) : id;
            if (!ids.contains(job)) {
                ids.add(job);
            }
        }
        return ids;
    }

    void scancel(String slurmId) throws SlurmException {
        CommandResult r = runOrTimeout("scancel", List.of(slurmId));
        String message = r.message().toLowerCase(Locale.ROOT);
        // Cancelling a job that has just ended is not an error: the caller wanted it to stop, and it has.
        if (!r.ok() || message.contains("error")) {
            if (message.contains("already completing or completed") || message.contains(INVALID_JOB_ID)) {
                return;
            }
            throw classify("scancel", r, false);
        }
    }

    /**
     * sacct's records of a job, or empty when accounting is not there to ask (disabled, slurmdbd down, sacct not
     * installed): accounting only helps to resolve jobs the controller has forgotten, so it never fails a call.
     */
    Optional<String> sacct(String slurmJobId) {
        try {
            CommandResult r = run("sacct", List.of("-j", slurmJobId, "-X", "-n", "-P", "-o", SacctParser.FORMAT));
            return r.ok() ? Optional.of(r.stdout()) : Optional.empty();
        } catch (SlurmException | CommandTimeoutException e) {
            return Optional.empty();
        }
    }

    private List<String> squeue(List<String> args) throws SlurmException {
        CommandResult r = runOrTimeout("squeue", args);
        if (!r.ok()) {
            if (r.message().toLowerCase(Locale.ROOT).contains(INVALID_JOB_ID)) {
                return List.of();
            }
            throw classify("squeue", r, false);
        }
        return r.stdout().lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private CommandResult runOrTimeout(String command, List<String> args) throws SlurmException {
        try {
            return run(command, args);
        } catch (CommandTimeoutException e) {
            throw new SlurmException(Kind.TIMEOUT, e.getMessage() + ": the Slurm controller is overloaded or"
                    + " unreachable; try again later, or check it with: scontrol ping");
        }
    }

    private CommandResult run(String command, List<String> args) throws SlurmException, CommandTimeoutException {
        if (settings.slurmConf() != null && !Files.isReadable(settings.slurmConf())) {
            // Checked here because Slurm's commands retry a missing slurm.conf for a minute before giving up.
            throw new SlurmException(Kind.CONFIG_MISSING, "Slurm configuration " + settings.slurmConf()
                    + " is missing or unreadable: set " + SlurmSettings.CONF + " to the cluster's slurm.conf");
        }
        List<String> argv = new ArrayList<>();
        argv.add(settings.binDir() == null ? command : settings.binDir().resolve(command).toString());
        argv.addAll(args);
        Map<String, String> env = settings.slurmConf() == null ? Map.of()
                : Map.of("SLURM_CONF", settings.slurmConf().toString());
        try {
            return runner.run(argv, env, settings.commandTimeout());
        } catch (IOException e) {
            String where = settings.binDir() == null ? "on the PATH" : "in " + settings.binDir();
            throw new SlurmException(Kind.COMMAND_MISSING, command + " not found " + where + ": install the Slurm"
                    + " client commands on this machine (Debian/Ubuntu: slurm-client), or set "
                    + SlurmSettings.BIN_DIR + " to the folder that holds them", e);
        }
    }

    /** Turns a failed command's stderr into the cause the user can act on, keeping Slurm's own words. */
    static SlurmException classify(String command, CommandResult r, boolean submitting) {
        String slurm = r.message().isEmpty() ? command + " exited with code " + r.exitCode() : r.message();
        String m = slurm.toLowerCase(Locale.ROOT);
        if (m.contains("unable to contact slurm controller") || m.contains("connection refused")
                || m.contains("socket timed out") || m.contains("connect failure")
                || m.contains("zero bytes were transmitted")) {
            return new SlurmException(Kind.CONTROLLER_UNREACHABLE, "the Slurm controller cannot be reached ("
                    + slurm + "). Check that slurmctld is up (scontrol ping) and that this machine uses the"
                    + " cluster's slurm.conf (" + SlurmSettings.CONF + " or SLURM_CONF)");
        }
        if (m.contains("munge") || m.contains("authentication")) {
            return new SlurmException(Kind.AUTHENTICATION_FAILED, "Slurm could not authenticate this machine ("
                    + slurm + "). munged must run here with the cluster's munge key");
        }
        if (m.contains("invalid partition")) {
            return new SlurmException(Kind.UNKNOWN_PARTITION, "Slurm has no such partition (" + slurm
                    + "). List the partitions with: sinfo -s; then set " + SlurmSettings.PARTITION
                    + " or the call's partition");
        }
        if (m.contains("could not establish a configuration source") || m.contains("unable to process configuration")
                || m.contains("cannot stat file")) {
            return new SlurmException(Kind.CONFIG_MISSING, "Slurm's configuration cannot be read (" + slurm
                    + "). Set " + SlurmSettings.CONF + " (or SLURM_CONF) to the cluster's slurm.conf");
        }
        if (submitting) {
            return new SlurmException(Kind.REJECTED, "Slurm rejected the job: " + slurm);
        }
        return new SlurmException(Kind.UNEXPECTED_OUTPUT, command + " failed: " + slurm);
    }
}
