package dev.statamcp.stata.process;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Unix process group the engine created for one Stata (its leader's pid is the group id). Signals go to the whole
 * group, so the engine processes Stata leaves behind are reached too, and never to anything the engine did not
 * start: the id comes from {@link ProcessGroupLauncher}, never from a name.
 */
public record ProcessGroup(long pgid, Platform platform) {

    public ProcessGroup {
        if (pgid <= 1) {
            throw new IllegalArgumentException("not a process group the engine created: " + pgid);
        }
    }

    /**
     * Sends {@code signal} to every process of the group. Returns false when the group no longer exists (or, right
     * after launch, does not exist yet).
     */
    public boolean signal(Signal signal) {
        if (platform == Platform.WINDOWS) {
            throw new UnsupportedOperationException("Windows has no process groups; use WindowsTreeKiller");
        }
        try {
            Process kill = new ProcessBuilder("kill", signal.flag(), "--", "-" + pgid)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!kill.waitFor(5, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
                return false;
            }
            return kill.exitValue() == 0;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run 'kill' to signal process group " + pgid + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Pids of the group's processes that are still running (zombies waiting to be reaped do not count). */
    public List<Long> livingMembers() {
        return platform == Platform.LINUX ? membersFromProc() : membersFromPs();
    }

    public boolean isEmpty() {
        return livingMembers().isEmpty();
    }

    private List<Long> membersFromProc() {
        List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(Path.of("/proc"), p -> isNumber(p))) {
            for (Path dir : dirs) {
                String stat;
                try {
                    stat = Files.readString(dir.resolve("stat"));
                } catch (IOException gone) {
                    continue; // exited while we looked
                }
                // pid (comm) state ppid pgrp ... ; comm may contain spaces and parentheses
                int close = stat.lastIndexOf(')');
                String[] fields = stat.substring(close + 2).split(" ");
                if (fields.length > 2 && Long.parseLong(fields[2]) == pgid && !fields[0].equals("Z")
                        && !fields[0].equals("X")) {
                    pids.add(Long.parseLong(dir.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            return membersFromPs();
        }
        return pids;
    }

    private List<Long> membersFromPs() {
        List<Long> pids = new ArrayList<>();
        try {
            Process ps = new ProcessBuilder("ps", "-A", "-o", "pid=,pgid=,stat=").redirectErrorStream(true).start();
            String out = new String(ps.getInputStream().readAllBytes());
            ps.waitFor(5, TimeUnit.SECONDS);
            for (String line : out.split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 3 && f[1].equals(Long.toString(pgid)) && !f[2].startsWith("Z")) {
                    pids.add(Long.parseLong(f[0]));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list processes with 'ps': " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return pids;
    }

    private static boolean isNumber(Path p) {
        String name = p.getFileName().toString();
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }
}
