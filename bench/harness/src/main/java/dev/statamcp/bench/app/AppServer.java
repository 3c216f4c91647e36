package dev.statamcp.bench.app;

import dev.statamcp.bench.client.StdioSession;
import dev.statamcp.bench.subject.ProcFs;
import dev.statamcp.bench.subject.ProcessTable;
import dev.statamcp.bench.subject.ServerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real server ({@code bin/stata-mcp serve}, the launcher with its JVM flags) on the emulator, with a data
 * directory and a working folder of its own, as the job figures and the reliability suite drive it. Stata sessions it
 * starts get {@code STATATMP} under the data directory, which is how leftovers are found (see {@link #leftovers}).
 */
public final class AppServer implements AutoCloseable {
    private final ServerProcess process;
    private final Path dataDir;
    private final Path workDir;
    private final int port;
    private StdioSession session;

    private AppServer(ServerProcess process, Path dataDir, Path workDir, int port) {
        this.process = process;
        this.dataDir = dataDir;
        this.workDir = workDir;
        this.port = port;
    }

    /** How to start one server. */
    public record Options(Path root, Path dataDir, Path workDir, Path stderrLog, boolean http, List<String> flags,
                          Map<String, String> environment) {
        public Options {
            flags = List.copyOf(flags);
            environment = Map.copyOf(environment);
        }

        public static Options stdio(Path root, Path dataDir, Path workDir, Path stderrLog) {
            return new Options(root, dataDir, workDir, stderrLog, false, List.of(), Map.of());
        }

        public Options overHttp() {
            return new Options(root, dataDir, workDir, stderrLog, true, flags, environment);
        }

        public Options flag(String... more) {
            List<String> all = new ArrayList<>(flags);
            all.addAll(List.of(more));
            return new Options(root, dataDir, workDir, stderrLog, http, all, environment);
        }

        public Options env(String name, String value) {
            Map<String, String> all = new HashMap<>(environment);
            all.put(name, value);
            return new Options(root, dataDir, workDir, stderrLog, http, flags, all);
        }
    }

    /** The launcher and the emulator the server finds Stata in; both must be built. */
    public static void requireBuilt(Path root) {
        for (Path p : List.of(root.resolve("server/target/stata-mcp.jar"), root.resolve("fakestata/target/fakestata.jar"))) {
            if (!Files.isRegularFile(p)) {
                throw new IllegalStateException(p + " is not built: run mvn -B -ntp -DskipTests package (or"
                        + " scripts/bench, which builds it)");
            }
        }
    }

    public static AppServer start(Options o) throws IOException {
        requireBuilt(o.root());
        Files.createDirectories(o.dataDir());
        Files.createDirectories(o.workDir());
        List<String> command = new ArrayList<>(List.of(o.root().resolve("bin/stata-mcp").toString(), "serve"));
        int port = -1;
        if (o.http()) {
            port = ServerProcess.freePort();
            command.addAll(List.of("--http", "--port", Integer.toString(port)));
        }
        command.addAll(List.of("--workspace", o.workDir().toString()));
        command.addAll(o.flags());
        Map<String, String> env = new HashMap<>();
        env.put("STATA_PATH", o.root().resolve("fakestata/bin/stata-mp").toString());
        env.put("STATA_MCP_DATA_DIR", o.dataDir().toString());
        env.put("STATA_MCP_LOG_LEVEL", "info");
        env.putAll(o.environment());
        ServerProcess process = ServerProcess.start(command, o.workDir(), o.stderrLog(), env);
        AppServer server = new AppServer(process, o.dataDir().toAbsolutePath().normalize(), o.workDir(), port);
        if (o.http()) {
            try {
                process.awaitPort(port, 60_000);
            } catch (IOException e) {
                server.close();
                throw e;
            }
        }
        return server;
    }

    /** The stdio MCP session (opened on first use, once). */
    public synchronized StdioSession stdio(List<Path> roots) throws IOException {
        if (session == null) {
            session = StdioSession.open(process.stdin(), process.stdout(), roots, Duration.ofSeconds(60));
        }
        return session;
    }

    public synchronized StdioSession stdio() throws IOException {
        return stdio(List.of());
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path workDir() {
        return workDir;
    }

    public Path stderrLog() {
        return process.stderrLog();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The log Stata writes for a job. */
    public Path jobLog(String jobId) {
        return dataDir.resolve("jobs").resolve(jobId).resolve("stata.log");
    }

    public long rssKb() {
        return ProcFs.rssKb(process.pid());
    }

    public long peakRssKb() {
        return ProcFs.peakRssKb(process.pid());
    }

    public double cpuMillis() {
        return ProcFs.cpuMillis(process.pid());
    }

    /** Java heap in use (KiB), after a full collection when {@code collectFirst}; -1 if jcmd could not tell. */
    public long heapUsedKb(boolean collectFirst) {
        return Jcmd.heapUsedKb(process.pid(), collectFirst);
    }

    /** SIGKILL: the server has no chance to clean up (what a crash or an OOM killer does). */
    public void kill() {
        process.process().destroyForcibly();
        waitFor(Duration.ofSeconds(10));
    }

    /** Closes the server's stdin: a stdio server lets running jobs finish (drain), then exits. */
    public void closeStdin() {
        try {
            process.stdin().close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    public boolean waitFor(Duration max) {
        try {
            return process.process().waitFor(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Processes other than the given servers that point into {@code folder} (see {@link ProcessTable#touching}):
     * with a folder per run holding the data directory and the working folder, these are the Stata sessions, batch
     * runs and their children that the run's servers started and that are still alive.
     */
    public static List<ProcessTable.Entry> leftovers(Path folder, java.util.Set<Long> serverPids) {
        long me = ProcessHandle.current().pid();
        return ProcessTable.touching(folder).stream()
                .filter(e -> e.pid() != me && !serverPids.contains(e.pid())).toList();
    }

    /**
     * Stops the server (stdin closed, then SIGTERM, then SIGKILL) and any emulator process of its data directory
     * that outlives it, by pid, so no figure leaves work running for the next one.
     */
    @Override
    public void close() {
        if (session != null) {
            session.close();
        }
        process.close();
        for (ProcessTable.Entry e : leftovers(dataDir, java.util.Set.of(pid()))) {
            ProcessTable.kill(e.pid());
        }
        for (ProcessTable.Entry e : leftovers(workDir, java.util.Set.of(pid()))) {
            ProcessTable.kill(e.pid());
        }
    }
}
