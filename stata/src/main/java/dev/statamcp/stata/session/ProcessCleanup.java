package dev.statamcp.stata.session;

import dev.statamcp.stata.process.KillReport;
import dev.statamcp.stata.process.ProcessKiller;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Ending console processes that are no longer in use, and removing a session's folder. */
final class ProcessCleanup {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessCleanup.class);

    private ProcessCleanup() {
    }

    /** Kills whatever is left of {@code old}'s process group (a dead Stata may leave its engine behind). */
    static void sweep(SessionProcess old, Duration grace, String session, String why) {
        if (old == null) {
            return;
        }
        if (old.alive() || old.launched.group().map(g -> !g.isEmpty()).orElse(false)) {
            old.closeInput();
            KillReport report = ProcessKiller.kill(old.launched, grace);
            if (!report.clean()) {
                LOG.warn("Session '{}': processes {} of Stata's group survived the kill ({})", session,
                        report.survivors(), why);
            }
        }
    }

    /** Asks an idle Stata to exit, waits a little, then sweeps its group. */
    static void stopGracefully(SessionProcess p, Duration grace, String session) {
        if (p == null) {
            return;
        }
        try {
            p.type("exit, clear\n");
        } catch (IOException ignored) {
            // already gone
        }
        p.closeInput();
        try {
            p.launched.process().waitFor(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sweep(p, grace, session, "stop");
    }

    /** Best-effort removal of a temporary folder. */
    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a file something still holds: left to the system's temp cleaning
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
