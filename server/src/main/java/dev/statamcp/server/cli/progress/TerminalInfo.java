package dev.statamcp.server.cli.progress;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Whether standard output is a terminal, and how wide it is. */
public final class TerminalInfo {
    static final int DEFAULT_COLUMNS = 80;

    private TerminalInfo() {
    }

    /**
     * True when the JVM has a console: standard input and output are both a terminal (Java 17's definition).
     * Output redirected to a file or pipe is then never mistaken for a terminal.
     */
    public static boolean stdoutIsTerminal() {
        return System.console() != null;
    }

    /** {@code COLUMNS} when exported, else what {@code stty size} says of the terminal, else 80. */
    public static int columns() {
        String env = System.getenv("COLUMNS");
        if (env != null) {
            try {
                int n = Integer.parseInt(env.trim());
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // fall through to stty
            }
        }
        File tty = new File("/dev/tty");
        if (!tty.exists()) {
            return DEFAULT_COLUMNS;
        }
        try {
            Process p = new ProcessBuilder("stty", "size").redirectInput(tty)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (p.waitFor(2, TimeUnit.SECONDS) && p.exitValue() == 0) {
                String[] parts = out.split("\\s+");
                if (parts.length == 2) {
                    int cols = Integer.parseInt(parts[1]);
                    return cols > 0 ? cols : DEFAULT_COLUMNS;
                }
            }
        } catch (Exception e) {
            // no usable terminal: the default width is safe
        }
        return DEFAULT_COLUMNS;
    }
}
