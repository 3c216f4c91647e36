package dev.statamcp.stata.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * A process group whose leader (Stata) has exited while what it left behind (its engine process) lives on. With the
 * leader gone the group id alone proves nothing, so the group is stopped only when every member still carries an
 * environment entry that names its run (the run's private {@code STATATMP}). Linux only, where another process's
 * environment can be read; elsewhere such a group is left alone.
 */
public final class LeaderlessGroup {
    private LeaderlessGroup() {
    }

    /** Stops the group (TERM, then KILL after {@code grace}) if it has members and all carry {@code entry}. */
    public static boolean stop(long pgid, String entry, Duration grace) {
        if (Platform.current() != Platform.LINUX || pgid <= 1) {
            return false;
        }
        ProcessGroup group = new ProcessGroup(pgid, Platform.LINUX);
        List<Long> members = group.livingMembers();
        if (members.isEmpty() || !members.stream().allMatch(pid -> environmentHas(pid, entry))) {
            return false;
        }
        group.signal(Signal.TERM);
        Instant deadline = Instant.now().plus(grace);
        while (!group.isEmpty() && Instant.now().isBefore(deadline)) {
            LockSupport.parkNanos(20_000_000);
        }
        if (!group.isEmpty()) {
            group.signal(Signal.KILL);
        }
        return true;
    }

    static boolean environmentHas(long pid, String entry) {
        try {
            byte[] env = Files.readAllBytes(Path.of("/proc/" + pid + "/environ"));
            for (String e : new String(env, StandardCharsets.UTF_8).split("\0")) {
                if (e.equals(entry)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
