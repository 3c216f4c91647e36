package dev.statamcp.bench.subject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Linux's process table read from /proc: which processes belong to a process group, and which were started with an
 * environment variable pointing into a given folder. The reliability suite finds the emulator processes a run left
 * behind this way (each server's Stata sessions get {@code STATATMP} under its data directory, and children inherit
 * it), never by name.
 */
public final class ProcessTable {
    private static final Path PROC = Path.of("/proc");

    private ProcessTable() {
    }

    /** One live (not zombie) process. */
    public record Entry(long pid, long ppid, long pgid, char state, String command) {
    }

    /** Every process that is not a zombie. */
    public static List<Entry> all() {
        List<Entry> out = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, p -> isNumber(p.getFileName().toString()))) {
            for (Path dir : dirs) {
                Entry e = read(Long.parseLong(dir.getFileName().toString()));
                if (e != null && e.state() != 'Z' && e.state() != 'X') {
                    out.add(e);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc: " + e.getMessage(), e);
        }
        return out;
    }

    /** Live members of the process group (zombies are gone for every purpose but their parent's). */
    public static List<Entry> group(long pgid) {
        return all().stream().filter(e -> e.pgid() == pgid).toList();
    }

    /**
     * Live processes that point into {@code folder}: an environment variable whose value starts with it, a working
     * directory inside it, or an argument naming something inside it. Each run of the reliability suite has a folder
     * of its own, so this finds every process the run started (server, sessions, batch runs, their children), and
     * nothing else.
     */
    public static List<Entry> touching(Path folder) {
        String dir = folder.toAbsolutePath().normalize().toString();
        List<Entry> out = new ArrayList<>();
        for (Entry e : all()) {
            Path proc = PROC.resolve(Long.toString(e.pid()));
            try {
                if (mentions(Files.readAllBytes(proc.resolve("environ")), "=" + dir)
                        || mentions(Files.readAllBytes(proc.resolve("cmdline")), dir)
                        || Files.readSymbolicLink(proc.resolve("cwd")).toString().startsWith(dir)) {
                    out.add(e);
                }
            } catch (IOException | SecurityException | UnsupportedOperationException gone) {
                // Ended meanwhile, or not ours to read: not one of the run's processes either way.
            }
        }
        return out;
    }

    private static boolean mentions(byte[] nulSeparated, String text) {
        for (String part : new String(nulSeparated, StandardCharsets.UTF_8).split("\0")) {
            int at = part.indexOf(text);
            if (at >= 0) {
                int end = at + text.length();
                // The folder itself or something inside it, not a sibling that shares the prefix.
                if (end == part.length() || part.charAt(end) == '/') {
                    return true;
                }
            }
        }
        return false;
    }

    /** The entry of one process, or null if it is gone. */
    public static Entry read(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            String command = stat.substring(open + 1, close);
            String[] f = stat.substring(close + 2).split(" ");
            return new Entry(pid, Long.parseLong(f[1]), Long.parseLong(f[2]), f[0].charAt(0), command);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** SIGKILL to one process by pid (only ever called on processes this harness's run started). */
    public static void kill(long pid) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
