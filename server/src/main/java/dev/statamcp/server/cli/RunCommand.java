package dev.statamcp.server.cli;

import dev.statamcp.server.app.StataApplication;
import dev.statamcp.server.cli.jobs.JobText;
import dev.statamcp.server.cli.progress.JobFollower;
import dev.statamcp.server.cli.progress.RunDisplay;
import dev.statamcp.server.config.Key;
import dev.statamcp.server.config.Settings;
import dev.statamcp.server.jobs.Job;
import dev.statamcp.server.jobs.JobKind;
import dev.statamcp.server.jobs.JobManager;
import dev.statamcp.server.jobs.OutputMode;
import dev.statamcp.server.results.RunResultRenderer;
import dev.statamcp.server.safety.PathPolicy;
import dev.statamcp.stata.discovery.StataInstallation;
import dev.statamcp.stata.discovery.StataNotFoundException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stata-mcp run FILE.do}: a do-file through the same job system the MCP tools use (stored, cancellable,
 * listed by {@code jobs} and by every server sharing the data directory), followed live in the terminal.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs a do-file as a stata-mcp job and follows it: a live progress bar on a terminal (elapsed"
                + " time, commands done of the total, the last line Stata wrote), plain lines otherwise; the log as it"
                + " is written; then the result, the error with a hint if it failed, and the graph files.",
                "Ctrl-C cancels the job: Break first, then Stata is stopped if it does not react. The job stays in"
                        + " the job store (see `stata-mcp jobs`)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the do-file ran to its end",
            "1-199:Stata's return code r(#) of the error that stopped the do-file",
            "250:a Stata error with a return code above 255 (it is printed)",
            "251:cancelled (Ctrl-C, or cancelled from elsewhere)",
            "252:timed out (--timeout or the timeout_seconds setting)",
            "253:ended without a return code (Stata crashed, was killed or interrupted)",
            "254:did not start (Stata not found, do-file missing or refused, job store unusable)",
            "2:invalid command-line options"})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.do", description = "The do-file; relative to the current folder.")
    String file;

    @Parameters(index = "1..*", paramLabel = "ARG", description = "Arguments for the do-file (`1', `2', ...).")
    List<String> args = new ArrayList<>();

    @Option(names = "--session", paramLabel = "NAME", defaultValue = "default",
            description = "Name of the console session that runs it (default: ${DEFAULT-VALUE}).")
    String session;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Stop the run after this many seconds (default: the timeout_seconds setting; 0 = none).")
    Integer timeout;

    @Option(names = "--batch", description = "Run it as its own Stata batch process (stata -b do FILE) instead of"
            + " a console session.")
    boolean batch;

    @Option(names = "--cwd", paramLabel = "DIR", description = "Stata's working folder (default: the current one).")
    String cwd;

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
            description = "auto (a bar when the output is a terminal, plain lines otherwise), bar or plain.")
    String progress;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        RunDisplay.Mode mode = mode(progress);
        if (timeout != null && timeout < 0) {
            throw new ParameterException(spec.commandLine(), "--timeout must be 0 (none) or a number of seconds");
        }
        Settings settings = CliSettings.load(spec);
        Path doFile = Settings.expandPath(file);
        if (!Files.isRegularFile(doFile)) {
            err.println("stata-mcp: the do-file " + doFile + " does not exist.");
            return ExitCodes.NOT_STARTED;
        }
        Path workDir = cwd == null ? Path.of("").toAbsolutePath() : Settings.expandPath(cwd);
        if (!Files.isDirectory(workDir)) {
            err.println("stata-mcp: the working folder " + workDir + " does not exist.");
            return ExitCodes.NOT_STARTED;
        }

        StataApplication app = new StataApplication(settings);
        StataInstallation stata;
        try {
            stata = app.engine().installation();
        } catch (StataNotFoundException e) {
            err.println("stata-mcp: " + e.getMessage().strip().replace("Stata was not found. Stata not found.",
                    "Stata was not found."));
            if (!settings.bool(Key.EMULATOR)) {
                err.println("To try stata-mcp without Stata, add --emulator after the do-file: runs then use the"
                        + " bundled emulator fakestata, and their results are the emulator's, not Stata's.");
            }
            return ExitCodes.NOT_STARTED;
        }
        JobKind kind = batch ? JobKind.BATCH : JobKind.FILE;
        List<String> notes = new ArrayList<>();
        if (!batch && !stata.supportsConsole()) {
            kind = JobKind.BATCH;
            notes.add("This Stata has no console binary on this platform: the do-file runs in batch mode.");
        }
        if (stata.emulator()) {
            notes.add("Note: Stata here is the emulator fakestata (" + stata.binary() + "): the results are the"
                    + " emulator's, not Stata's.");
        }
        try {
            app.openNow(jobs -> { });
        } catch (RuntimeException e) {
            err.println("stata-mcp: " + e.getMessage());
            return ExitCodes.NOT_STARTED;
        }
        JobManager jobs = app.jobs();
        try {
            return follow(app, jobs, stata, kind, doFile, workDir, notes, RunDisplay.forStdout(out, mode), out, err);
        } finally {
            app.engine().close();
        }
    }

    private int follow(StataApplication app, JobManager jobs, StataInstallation stata, JobKind kind, Path doFile,
                       Path workDir, List<String> notes, RunDisplay display, PrintStream out, PrintStream err)
            throws InterruptedException {
        // The person at the terminal named this file and folder, so they are allowed in addition to the
        // configured workspace and the current folder.
        List<Path> roots = new ArrayList<>(app.roots().fallback().roots());
        roots.add(doFile.getParent());
        roots.add(workDir);
        Job job;
        try {
            // A console session already starts in the current folder; say "cd" only when another one was asked for.
            String stataCwd = kind == JobKind.BATCH || cwd != null ? workDir.toString() : null;
            job = app.requests().file(new PathPolicy(roots), kind, doFile.toString(), stataCwd, args,
                    session, timeout, OutputMode.COMPACT, null, Map.of(), "cli");
        } catch (RuntimeException e) {
            err.println("stata-mcp: " + e.getMessage());
            return ExitCodes.NOT_STARTED;
        }
        notes.forEach(display::note);
        display.note("Running " + doFile + " as job " + job.id() + " ("
                + (kind == JobKind.BATCH ? "batch process" : "console session \"" + session + "\"") + ", "
                + (stata.emulator() ? "the emulator" : "Stata " + stata.version() + " " + stata.edition()) + ").");
        AtomicInteger interrupts = new AtomicInteger();
        Runnable restore = CtrlC.onInterrupt(() -> {
            if (interrupts.incrementAndGet() == 1) {
                display.note("Cancelling job " + job.id() + " (Ctrl-C)...");
                jobs.cancel(job.id(), "cancelled with Ctrl-C in the terminal");
            } else {
                display.note("Still stopping job " + job.id() + ": Stata is stopped if Break does not end it within "
                        + jobs.settings().cancelGrace().toSeconds() + " s.");
            }
        });
        Job ended;
        try {
            ended = new JobFollower(jobs, display, Clock.systemUTC()).follow(job);
        } finally {
            if (restore != null) {
                restore.run();
            }
        }
        printResult(ended, jobs, out);
        return ExitCodes.of(ended);
    }

    private static void printResult(Job ended, JobManager jobs, PrintStream out) {
        out.println();
        out.println(JobText.outcome(ended, java.time.Instant.now()));
        JobText.errorFacts(ended).forEach(out::println);
        if (ended.rc() != null && ended.rc() > 255) {
            out.println("  (exit status " + ExitCodes.RC_OVER_255 + ": r(" + ended.rc()
                    + ") does not fit in an exit status)");
        }
        if (JobText.ranOnEmulator(ended)) {
            out.println(RunResultRenderer.EMULATOR_NOTE);
        }
        JobText.files(ended, jobs.folders()).forEach(out::println);
        out.flush();
    }

    private RunDisplay.Mode mode(String value) {
        try {
            return RunDisplay.Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--progress is '" + value + "'; use auto, bar or plain");
        }
    }
}
