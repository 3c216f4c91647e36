package dev.statamcp.fakestata.session;

import dev.statamcp.fakestata.exec.BreakError;

/**
 * Set by SIGINT (from the signal-handling thread), checked by the session at its poll points: between loop
 * iterations and lines of a do-file, between rows of long output, and inside sleep, which it also wakes at once.
 */
public final class BreakFlag {
    private final Object lock = new Object();
    private volatile boolean raised;
    private Runnable onBreak;

    /** Runs on the session's thread each time a raised Break takes effect, just before it is thrown. */
    public void onBreak(Runnable action) {
        this.onBreak = action;
    }

    public void raise() {
        synchronized (lock) {
            raised = true;
            lock.notifyAll();
        }
    }

    public boolean isRaised() {
        return raised;
    }

    public void clear() {
        raised = false;
    }

    /** Throws the break (and clears the flag) when one is pending. */
    public void check() {
        if (raised) {
            raised = false;
            if (onBreak != null) {
                onBreak.run();
            }
            throw new BreakError();
        }
    }

    /** Sleeps, waking early and throwing the break when SIGINT arrives. */
    public void sleep(long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        synchronized (lock) {
            while (!raised) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    lock.wait(left / 1_000_000L, (int) (left % 1_000_000L));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        check();
    }
}
