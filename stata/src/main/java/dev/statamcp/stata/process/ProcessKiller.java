package dev.statamcp.stata.process;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Stops a launched Stata and everything in its process group: SIGTERM to the group, a grace period, SIGKILL to the
 * group, then a check that no member is left (Stata leaves an engine process behind that outlives the process the
 * engine holds). Windows: {@code taskkill /T /F /PID}, which ends the whole tree.
 */
public final class ProcessKiller {

    private static final Duration AFTER_KILL_WAIT = Duration.ofSeconds(5);

    private ProcessKiller() {
    }

    public static KillReport kill(LaunchedProcess launched, Duration grace) {
        return kill(launched.group(), launched.process().toHandle(), launched.platform(), grace);
    }

    /**
     * Kills a process (and its group, when it leads one) that may not be this JVM's child, e.g. a detached batch run
     * adopted after a restart.
     */
    public static KillReport kill(Optional<ProcessGroup> maybeGroup, ProcessHandle leader, Platform platform,
                                  Duration grace) {
        Instant start = Instant.now();
        if (maybeGroup.isEmpty()) {
            return killTree(leader, platform, start);
        }
        ProcessGroup group = maybeGroup.get();
        group.signal(Signal.TERM);
        leader.destroy(); // in case the group was not yet formed
        boolean forced = false;
        if (!waitUntilEmpty(leader, group, grace)) {
            forced = true;
            group.signal(Signal.KILL);
            leader.destroyForcibly();
            waitUntilEmpty(leader, group, AFTER_KILL_WAIT);
        }
        return new KillReport(forced, group.livingMembers(), Duration.between(start, Instant.now()));
    }

    /** Sends SIGINT (Break) to the group; false when there is no group to signal. */
    public static boolean interrupt(LaunchedProcess launched) {
        return launched.group().map(g -> g.signal(Signal.INT)).orElse(false);
    }

    private static boolean waitUntilEmpty(ProcessHandle leader, ProcessGroup group, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        while (true) {
            if (!leader.isAlive() && group.isEmpty()) {
                return true;
            }
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            sleep(20);
        }
    }

    private static KillReport killTree(ProcessHandle leader, Platform platform, Instant start) {
        List<ProcessHandle> tree = new ArrayList<>();
        leader.descendants().forEach(tree::add);
        tree.add(leader);
        if (platform == Platform.WINDOWS) {
            try {
                Process taskkill = new ProcessBuilder("taskkill", "/T", "/F", "/PID", Long.toString(leader.pid()))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                taskkill.waitFor(10, TimeUnit.SECONDS);
            } catch (IOException e) {
                tree.forEach(ProcessHandle::destroyForcibly);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else {
            tree.forEach(ProcessHandle::destroyForcibly);
        }
        Instant deadline = Instant.now().plus(AFTER_KILL_WAIT);
        while (tree.stream().anyMatch(ProcessHandle::isAlive) && Instant.now().isBefore(deadline)) {
            sleep(20);
        }
        List<Long> survivors = tree.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList();
        return new KillReport(true, survivors, Duration.between(start, Instant.now()));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
