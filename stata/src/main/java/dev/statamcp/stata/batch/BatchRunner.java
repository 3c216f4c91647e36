package dev.statamcp.stata.batch;

import dev.statamcp.stata.discovery.StataInstallation;
import dev.statamcp.stata.paths.BatchLogLocation;
import dev.statamcp.stata.paths.StataQuoting;
import dev.statamcp.stata.process.LaunchedProcess;
import dev.statamcp.stata.process.Platform;
import dev.statamcp.stata.process.ProcessGroupLauncher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs do-files in Stata's batch mode, on every platform (the only mode on Windows): {@code stata-mp -b -q do file}
 * (Windows {@code StataMP-64.exe /e /q do file}) in the chosen working directory, always detached: its own session
 * and process group, stdin empty, stdout and stderr to files, so it survives this process and a later one can
 * {@link #adopt} it from its {@link BatchRecord}. Batch Stata exits 0 even when the do-file fails; the result is read
 * from the end of {@code <working dir>/<stem>.log} (stem cut at the first space).
 */
public final class BatchRunner {

    private final StataInstallation installation;
    private final ProcessGroupLauncher launcher;
    private final Duration killGrace;
    private final int keepHeadLines;
    private final int keepTailLines;

    public BatchRunner(StataInstallation installation, ProcessGroupLauncher launcher, Duration killGrace,
                       int keepHeadLines, int keepTailLines) {
        this.installation = installation;
        this.launcher = launcher;
        this.killGrace = killGrace;
        this.keepHeadLines = keepHeadLines;
        this.keepTailLines = keepTailLines;
    }

    public static BatchRunner of(StataInstallation installation) {
        return new BatchRunner(installation, ProcessGroupLauncher.forCurrentPlatform(), Duration.ofSeconds(2),
                20_000, 20_000);
    }

    /** The command line for a request (without the process-group prefix). */
    List<String> command(BatchRequest request) {
        List<String> cmd = new ArrayList<>();
        cmd.add(installation.binary().toString());
        if (installation.platform() == Platform.WINDOWS) {
            cmd.addAll(List.of("/e", "/q"));
        } else {
            cmd.addAll(List.of("-b", "-q"));
        }
        cmd.add("do");
        // Stata joins its arguments into one command line and parses that, so a path with spaces or quotes must
        // carry Stata quotes inside its argv entry; a plain path goes bare, as people type it.
        cmd.add(StataQuoting.argument(request.doFile().toString(), installation.platform() == Platform.WINDOWS));
        request.args().forEach(a -> cmd.add(StataQuoting.argument(a)));
        return cmd;
    }

    /**
     * Starts a batch run and returns its handle at once.
     *
     * @throws IOException when the do-file or working directory is missing or Stata cannot be executed; the message
     *         says which
     */
    public BatchRun start(BatchRequest request) throws IOException {
        if (!Files.isRegularFile(request.doFile())) {
            throw new IOException("The do-file " + request.doFile() + " does not exist.");
        }
        if (!Files.isDirectory(request.workingDirectory())) {
            throw new IOException("The working directory " + request.workingDirectory() + " does not exist.");
        }
        Files.createDirectories(request.runDir());
        String runId = "b" + UUID.randomUUID().toString().replace("-", "").substring(0, 11);
        List<Path> logs = BatchLogLocation.candidates(request.workingDirectory().toAbsolutePath(),
                request.doFile());
        BatchLogFinder finder = BatchLogFinder.beforeStart(logs);
        Path stdout = request.runDir().resolve("batch-" + runId + ".stdout");
        Path tempDir = Files.createDirectories(request.runDir().resolve("batch-" + runId + ".tmp"));
        Path stderr = request.runDir().resolve("batch-" + runId + ".stderr");
        ProcessBuilder pb = new ProcessBuilder(command(request)).directory(request.workingDirectory().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        pb.environment().put("STATATMP", tempDir.toString());
        pb.environment().putAll(request.environment());
        Instant startedAt = Instant.now();
        LaunchedProcess launched;
        try {
            launched = launcher.start(pb);
        } catch (IOException e) {
            throw new IOException("Stata could not be started from " + installation.binary() + ": " + e.getMessage()
                    + ". Check the installation (run `stata-mcp doctor`).", e);
        }
        ProcessHandle handle = launched.process().toHandle();
        BatchRecord record = new BatchRecord(runId, launched.pid(), handle.info().startInstant(), startedAt,
                request.doFile().toAbsolutePath(), request.args(), request.workingDirectory().toAbsolutePath(),
                logs, stdout, stderr, installation.platform());
        record.write(request.runDir().resolve("batch-" + runId + ".json"));
        BatchRun run = new BatchRun(record, Optional.of(handle), finder, killGrace, false, request.listener(),
                keepHeadLines, keepTailLines);
        run.follow();
        return run;
    }

    /**
     * Follows a run started earlier (possibly by another process): tails the log while the process is alive and
     * reads the result when it is gone. A process with the recorded pid but another start time is a different
     * process that reused the pid; the run is then treated as ended.
     */
    public BatchRun adopt(BatchRecord record) {
        Optional<ProcessHandle> live = ProcessHandle.of(record.pid())
                .filter(ProcessHandle::isAlive)
                .filter(p -> sameStart(record.processStart(), p.info().startInstant()));
        BatchRun run = new BatchRun(record, live, BatchLogFinder.startedAt(record.logCandidates(),
                record.startedAt()), killGrace, true, Optional.empty(), keepHeadLines, keepTailLines);
        run.follow();
        return run;
    }

    private static boolean sameStart(Optional<Instant> recorded, Optional<Instant> actual) {
        if (recorded.isEmpty() || actual.isEmpty()) {
            return recorded.isEmpty(); // cannot compare: trust the pid only if we never knew the start
        }
        return Duration.between(recorded.get(), actual.get()).abs().compareTo(Duration.ofSeconds(1)) <= 0;
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
