package dev.statamcp.fakestata;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts the emulator through its launcher script (bin/stata-mp etc.), as the engine and users do. */
public final class Launcher {
    private Launcher() {
    }

    /** The launcher script; failsafe passes its path, a plain IDE run falls back to the module layout. */
    public static Path script(String name) {
        String configured = System.getProperty("fakestata.launcher");
        Path mp = configured != null ? Path.of(configured) : Path.of("bin", "stata-mp").toAbsolutePath();
        return mp.resolveSibling(name);
    }

    public static ProcessBuilder builder(Path cwd, Map<String, String> env, String launcher, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(script(launcher).toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
        pb.environment().putAll(env);
        return pb;
    }

    /** Runs to completion with no stdin; returns exit status, stdout and stderr. */
    public static Result run(Path cwd, Map<String, String> env, String... args) throws Exception {
        Process p = builder(cwd, env, "stata-mp", args).redirectInput(ProcessBuilder.Redirect.from(
                new java.io.File("/dev/null"))).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("emulator did not finish");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }

    public record Result(int exit, String stdout, String stderr) {
    }

    /** Waits until a file (a log the emulator writes) contains {@code text}; returns its content. */
    public static String awaitFile(Path file, String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String content = "";
        while (System.nanoTime() < deadline) {
            if (java.nio.file.Files.exists(file)) {
                content = java.nio.file.Files.readString(file, StandardCharsets.UTF_8);
                if (content.contains(text)) {
                    return content;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("timed out waiting for <" + text + "> in " + file + "; content:\n" + content);
    }

    /** Sends a signal to a process by pid, or to a process group by negative pid (the JDK has no API for it). */
    public static void signal(long pid, String signal) throws IOException, InterruptedException {
        Process k = new ProcessBuilder("kill", "-" + signal, "--", Long.toString(pid)).inheritIO().start();
        k.waitFor();
    }

    /** A console session driven through its stdin and stdout. */
    public static final class Console implements AutoCloseable {
        private final Process process;
        private final OutputStream stdin;
        private final StringBuilder seen = new StringBuilder();
        private final Thread reader;

        public Console(ProcessBuilder pb) throws IOException {
            this.process = pb.redirectErrorStream(true).start();
            this.stdin = process.getOutputStream();
            InputStream in = process.getInputStream();
            this.reader = new Thread(() -> {
                byte[] buf = new byte[8192];
                try {
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        synchronized (seen) {
                            seen.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                            seen.notifyAll();
                        }
                    }
                } catch (IOException e) {
                    // process ended
                }
            }, "console-reader");
            reader.setDaemon(true);
            reader.start();
        }

        public long pid() {
            return process.pid();
        }

        public Process process() {
            return process;
        }

        public void send(String... lines) throws IOException {
            for (String l : lines) {
                stdin.write((l + "\n").getBytes(StandardCharsets.UTF_8));
            }
            stdin.flush();
        }

        /** Waits until stdout contains {@code text}; fails after the timeout. */
        public String await(String text, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            synchronized (seen) {
                while (seen.indexOf(text) < 0) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new AssertionError("timed out waiting for <" + text + ">; output so far:\n" + seen);
                    }
                    seen.wait(Math.max(1, left / 1_000_000));
                }
                return seen.toString();
            }
        }

        public String output() {
            synchronized (seen) {
                return seen.toString();
            }
        }

        public void closeInput() throws IOException {
            stdin.close();
        }

        @Override
        public void close() throws Exception {
            try {
                stdin.close();
            } catch (IOException e) {
                // already closed
            }
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            reader.join(2000);
        }
    }
}
