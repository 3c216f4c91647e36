package dev.statamcp.fakestata.io;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Answers isatty() for stdin and stdout, which Java 17 has no API for. On Linux the target of /proc/self/fd/N tells
 * (a pty or tty device); elsewhere {@link System#console()} is the best available hint (non-null only when both are
 * terminals).
 */
public final class Terminal {
    private Terminal() {
    }

    public static boolean stdinIsTerminal() {
        return isTerminal(0);
    }

    public static boolean stdoutIsTerminal() {
        return isTerminal(1);
    }

    private static boolean isTerminal(int fd) {
        Path link = Path.of("/proc/self/fd/" + fd);
        try {
            if (Files.isSymbolicLink(link)) {
                String target = Files.readSymbolicLink(link).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
            }
        } catch (Exception e) {
            // fall through to the portable hint
        }
        return System.console() != null;
    }
}
