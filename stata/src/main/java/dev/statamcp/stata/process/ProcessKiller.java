package dev.statamcp.stata.process;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
        Instant start = Instant.now();
        if (launched.group().isEmpty()) {
            return killTree(launched, start);
        }
        ProcessGroup group = launched.group().get();
        group.signal(Signal.TERM);
        launched.process().destroy(); // in case the group was not yet formed
        boolean forced = false;
        if (!waitUntilEmpty(launched, group, grace)) {
            forced = true;
            group.signal(Signal.KILL);
            launched.process().destroyForcibly();
            waitUntilEmpty(launched, group, AFTER_KILL_WAIT);
        }
        return new KillReport(forced, group.livingMembers(), Duration.between(start, Instant.now()));
    }

    /** Sends SIGINT (Break) to the group; false when there is no group to signal. */
    public static boolean interrupt(LaunchedProcess launched) {
        return launched.group().map(g -> g.signal(Signal.INT)).orElse(false);
    }

    private static boolean waitUntilEmpty(LaunchedProcess launched, ProcessGroup group, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        while (true) {
            if (!launched.process().isAlive() && group.isEmpty()) {
                return true;
            }
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            sleep(20);
        }
    }

    private static KillReport killTree(LaunchedProcess launched, Instant start) {
        List<ProcessHandle> tree = new ArrayList<>();
        launched.process().toHandle().descendants().forEach(tree::add);
        tree.add(launched.process().toHandle());
        if (launched.platform() == Platform.WINDOWS) {
            try {
                Process taskkill = new ProcessBuilder("taskkill", "/T", "/F", "/PID", Long.toString(launched.pid()))
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
