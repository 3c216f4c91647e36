package dev.statamcp.stata.session;

import dev.statamcp.stata.process.LaunchedProcess;
import dev.statamcp.stata.process.StreamDrainer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.OptionalInt;

/** One running Stata console process of a session: its pipes, its folder, what it said about itself. */
final class SessionProcess {

    private static final int KEEP_BYTES = 16 * 1024;

    final LaunchedProcess launched;
    final Path dir;
    final Instant startedAt = Instant.now();
    private final Writer stdin;
    private final StreamDrainer stdout;
    private final StreamDrainer stderr;
    volatile SessionInfo info;

    SessionProcess(LaunchedProcess launched, Path dir, String name) {
        this.launched = launched;
        this.dir = dir;
        this.stdin = new BufferedWriter(new OutputStreamWriter(launched.process().getOutputStream(),
                StandardCharsets.UTF_8));
        this.stdout = new StreamDrainer(launched.process().getInputStream(), "stata-" + name + "-stdout", KEEP_BYTES);
        this.stderr = new StreamDrainer(launched.process().getErrorStream(), "stata-" + name + "-stderr", KEEP_BYTES);
    }

    /** Types text into Stata's console. Only the session's worker thread calls this. */
    void type(String text) throws IOException {
        stdin.write(text);
        stdin.flush();
    }

    boolean alive() {
        return launched.isAlive();
    }

    OptionalInt exitCode() {
        return launched.isAlive() ? OptionalInt.empty() : OptionalInt.of(launched.process().exitValue());
    }

    /** Closes Stata's input; a console Stata exits at end of input. */
    void closeInput() {
        try {
            stdin.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    /** What Stata last wrote to stderr and stdout, for error messages. */
    String lastWords() {
        stdout.awaitEnd(200);
        stderr.awaitEnd(200);
        String err = stderr.tail().strip();
        String out = stdout.tail().strip();
        StringBuilder b = new StringBuilder();
        if (!err.isEmpty()) {
            b.append(lastLines(err, 8));
        }
        if (!out.isEmpty()) {
            if (b.length() > 0) {
                b.append('\n');
            }
            b.append(lastLines(out, 8));
        }
        return b.toString();
    }

    private static String lastLines(String text, int n) {
        String[] lines = text.split("\r?\n");
        int from = Math.max(0, lines.length - n);
        return String.join("\n", java.util.Arrays.copyOfRange(lines, from, lines.length));
    }
}
