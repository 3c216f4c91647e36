package dev.statamcp.bench.subject;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server process started by the harness: its pipes, its pid, and its peak resident memory. Only this process and
 * its own descendants are ever stopped, by pid.
 */
public final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final Path stderrLog;

    private ServerProcess(Process process, Path stderrLog) {
        this.process = process;
        this.stderrLog = stderrLog;
    }

    /** Starts a command; its standard error goes to a file so a chatty server can never block on a full pipe. */
    public static ServerProcess start(List<String> command, Path workDir, Path stderrLog) throws IOException {
        return start(command, workDir, stderrLog, java.util.Map.of());
    }

    /** As {@link #start(List, Path, Path)}, with extra environment variables. */
    public static ServerProcess start(List<String> command, Path workDir, Path stderrLog,
                                      java.util.Map<String, String> environment) throws IOException {
        Files.createDirectories(stderrLog.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(stderrLog.toFile()));
        builder.environment().putAll(environment);
        return new ServerProcess(builder.start(), stderrLog);
    }

    public OutputStream stdin() {
        return process.getOutputStream();
    }

    public InputStream stdout() {
        return process.getInputStream();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Process process() {
        return process;
    }

    public Path stderrLog() {
        return stderrLog;
    }

    /**
     * Peak resident set size in KiB (VmHWM) of the process or of its largest descendant (a launcher script that
     * does not exec its JVM), or -1 where /proc is not there.
     */
    public long peakRssKb() {
        long peak = ProcFs.peakRssKb(process.pid());
        for (ProcessHandle child : process.descendants().toList()) {
            peak = Math.max(peak, ProcFs.peakRssKb(child.pid()));
        }
        return peak;
    }

    /** CPU time (user + system) used so far by the process and its descendants, in milliseconds, or -1. */
    public double cpuMillis() {
        double total = ProcFs.cpuMillis(process.pid());
        for (ProcessHandle child : process.descendants().toList()) {
            total += Math.max(0, ProcFs.cpuMillis(child.pid()));
        }
        return total;
    }

    /** Waits until the server accepts TCP connections on the port, or fails if it died or took too long. */
    public void awaitPort(int port, long timeoutMillis) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the server exited with code " + process.exitValue()
                        + " before listening; see " + stderrLog);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                sleep(20);
            }
        }
        throw new IOException("the server did not listen on port " + port + " within " + timeoutMillis + " ms");
    }

    /** A port that was free a moment ago on the loopback interface. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Closes stdin (a stdio server's cue to exit), then terminates, then kills: this process tree only. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // The pipe is already broken: the process is gone or going.
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        if (!waitFor(500)) {
            process.destroy();
            if (!waitFor(3_000)) {
                process.destroyForcibly();
                waitFor(3_000);
            }
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private boolean waitFor(long millis) {
        try {
            return process.waitFor(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
