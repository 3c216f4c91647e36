package dev.statamcp.server.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A command run under a pseudo-terminal: a private tmux server (its own socket, so no other tmux is touched) with
 * one pane. What the program writes to the terminal is copied raw (pipe-pane), and its exit status is recorded by
 * a bash wrapper that, like an interactive shell, survives the Ctrl-C meant for the program.
 */
final class Tmux implements AutoCloseable {
    private final Path socket;
    private final Path raw;
    private final Path exit;

    private Tmux(Path dir) {
        this.socket = dir.resolve("tmux.sock");
        this.raw = dir.resolve("terminal.raw");
        this.exit = dir.resolve("exit-status");
    }

    static Tmux start(Path dir, Path cwd, Map<String, String> env, List<String> command) throws Exception {
        Tmux t = new Tmux(dir);
        Path conf = Files.writeString(dir.resolve("tmux.conf"), "set -g remain-on-exit on\n");
        Files.writeString(t.raw, "");
        String script = "trap ':' INT; \"$@\"; echo $? > " + quote(t.exit.toString());
        List<String> tmux = new ArrayList<>(List.of("tmux", "-S", t.socket.toString(), "-f", conf.toString(),
                "new-session", "-d", "-s", "run", "-x", "160", "-y", "50", "-c", cwd.toString(),
                "bash", "-c", script, "bash"));
        tmux.addAll(command);
        // In the same tmux call, so no output is written before the copy starts.
        tmux.addAll(List.of(";", "pipe-pane", "-t", "run", "-o", "cat >> " + quote(t.raw.toString())));
        ProcessBuilder pb = new ProcessBuilder(tmux).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("tmux did not start the command: " + said);
        }
        return t;
    }

    /** Everything the program wrote to its terminal so far, escapes and carriage returns included. */
    String raw() throws IOException {
        return Files.readString(raw, StandardCharsets.UTF_8);
    }

    /** Waits until the raw output satisfies {@code test}. */
    String awaitOutput(Predicate<String> test, Duration max) throws Exception {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            String now = raw();
            if (test.test(now)) {
                return now;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the terminal never showed what was expected within " + max.toSeconds()
                + " s; it shows:\n" + raw());
    }

    /** Presses Ctrl-C in the pane: the terminal sends SIGINT to the program, as when a person presses it. */
    void ctrlC() throws Exception {
        tmux("send-keys", "-t", "run", "C-c");
    }

    /** The program's exit status, once it has ended. */
    int awaitExit(Duration max) throws Exception {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(exit)) {
                String s = Files.readString(exit).strip();
                if (!s.isEmpty()) {
                    return Integer.parseInt(s);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the program did not end within " + max.toSeconds() + " s; the terminal shows:\n"
                + raw());
    }

    private void tmux(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("tmux", "-S", socket.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        p.waitFor(20, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        tmux("kill-server");
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
