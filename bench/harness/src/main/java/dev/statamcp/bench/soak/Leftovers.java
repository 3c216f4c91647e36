package dev.statamcp.bench.soak;

import dev.statamcp.bench.app.AppServer;
import dev.statamcp.bench.subject.ProcessTable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Processes a stopped server left behind: members of the process groups its Stata sessions had, and anything else
 * pointing into the soak's folder (each Stata's {@code STATATMP} is under the data directory). Found by group and
 * folder, never by name.
 */
final class Leftovers {
    private Leftovers() {
    }

    /** Waits until none is left, or {@code max} has passed; returns what is still there, one line each. */
    static List<String> await(Set<Long> groups, Path folder, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (true) {
            List<String> left = new ArrayList<>();
            List<Long> pids = new ArrayList<>();
            for (long pgid : groups) {
                for (ProcessTable.Entry e : ProcessTable.group(pgid)) {
                    left.add("pid " + e.pid() + " (" + e.command() + ") in Stata's process group " + pgid);
                    pids.add(e.pid());
                }
            }
            for (ProcessTable.Entry e : AppServer.leftovers(folder, Set.of())) {
                if (!pids.contains(e.pid())) {
                    left.add("pid " + e.pid() + " (" + e.command() + ", group " + e.pgid() + ") of the soak's folder");
                }
            }
            if (left.isEmpty() || System.nanoTime() > deadline) {
                return left;
            }
            Thread.sleep(200);
        }
    }
}
