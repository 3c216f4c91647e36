package dev.statamcp.stata.session;

import dev.statamcp.stata.process.KillReport;
import dev.statamcp.stata.process.ProcessKiller;
import dev.statamcp.stata.run.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one kill a session may have in progress: who asked (the user, or the start-up watchdog), why, and the
 * report once Stata's process group is gone. The run that sees its Stata die asks here whether that was a kill.
 */
final class KillSwitch {

    private CompletableFuture<KillReport> kill;
    private String reason;
    private boolean byUser;
    private boolean pending;

    /**
     * Starts killing {@code target} unless a kill is already under way. Without a target (Stata is being launched)
     * the request waits for {@link #launched}.
     */
    synchronized void request(SessionProcess target, String why, boolean user, Duration grace) {
        if (kill != null || pending) {
            return;
        }
        reason = why;
        byUser = user;
        if (target == null) {
            pending = true;
            return;
        }
        start(target, grace);
    }

    /** A Stata was just launched: carry out a kill requested while it was being launched. */
    synchronized void launched(SessionProcess target, Duration grace) {
        if (pending) {
            pending = false;
            start(target, grace);
        }
    }

    private void start(SessionProcess target, Duration grace) {
        kill = CompletableFuture.supplyAsync(() -> {
            target.closeInput();
            return ProcessKiller.kill(target.launched, grace);
        });
    }

    synchronized boolean byUser() {
        return (kill != null || pending) && byUser;
    }

    /** The outcome for a run whose Stata was killed, once the kill has finished; empty if there was no kill. */
    Optional<Outcome> outcome(Duration grace) {
        CompletableFuture<KillReport> k;
        String why;
        synchronized (this) {
            k = kill;
            why = reason;
            if (k == null) {
                // requested while Stata was being launched, and it never got that far: nothing to kill
                return pending ? Optional.of(new Outcome.Killed(why, List.of())) : Optional.empty();
            }
        }
        try {
            KillReport report = k.get(grace.toMillis() + 15_000, TimeUnit.MILLISECONDS);
            return Optional.of(new Outcome.Killed(why, report.survivors()));
        } catch (Exception e) {
            return Optional.of(new Outcome.Killed(why, List.of()));
        }
    }

    synchronized void clear() {
        kill = null;
        pending = false;
        reason = null;
        byUser = false;
    }
}
