package dev.statamcp.mcp.transport.stdio;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Lets the stdio reader run a call itself without ever holding up reading for long. The reader marks the call
 * {@link #begin() begun}; if it is still running after a tick or two, the watch takes reading away from it and starts
 * a new reader ({@code onStall}); the old one runs its call to the end and then leaves.
 *
 * <p>Why: handing every call to another thread costs a thread wake-up (tens of microseconds on a busy machine, more
 * than a quick call takes) on the path of every answer; starting a new reader for every call costs the same wake-up
 * beside the call, which still slows it on a machine with few cores. With the watch, a quick call costs nothing but
 * a volatile write, and a slow call (a Stata run) holds up the messages behind it by at most two ticks.
 *
 * <p>The watch thread ticks only while calls come in; after {@link #IDLE_NANOS} without one it sleeps until the next.
 */
final class StallWatch {
    /** How often the watch looks; a call that blocks is released after one to two ticks. */
    static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final Runnable onStall;
    private final Thread thread;
    private volatile Inline current;
    private volatile long lastBegin;
    private volatile boolean sleeping;
    private volatile boolean stopped;
    private boolean started;

    /** One call the reader runs itself: RUNNING until it ends (FINISHED) or the watch releases it (RELEASED). */
    static final class Inline {
        private static final int RUNNING = 0;
        private static final int FINISHED = 1;
        private static final int RELEASED = 2;

        private final long startedNanos;
        private final AtomicInteger state = new AtomicInteger(RUNNING);

        private Inline(long startedNanos) {
            this.startedNanos = startedNanos;
        }
    }

    /** {@code onStall} starts a new reader; it runs on the watch thread. */
    StallWatch(Runnable onStall) {
        this.onStall = onStall;
        this.thread = new Thread(new Watcher(), "mcp-stdio-watch");
        thread.setDaemon(true);
    }

    /** Called by the reader (one at a time) before it runs a call itself. */
    Inline begin() {
        long now = System.nanoTime();
        Inline call = new Inline(now);
        current = call;
        lastBegin = now;
        if (!started) {
            started = true; // only readers call begin(), one at a time, with a happens-before between them
            thread.start();
        } else if (sleeping) {
            LockSupport.unpark(thread);
        }
        return call;
    }

    /** Called by the reader after the call; true if it still holds reading, false if the watch passed it on. */
    boolean end(Inline call) {
        // current is left as it is: a released reader ends its call while a new one may already have begun another.
        return call.state.compareAndSet(Inline.RUNNING, Inline.FINISHED);
    }

    /** Stops the watch thread (at end of input). */
    void stop() {
        stopped = true;
        LockSupport.unpark(thread);
    }

    /** The watch thread's loop. A class, not a lambda: lambdas cost start time on the stdio path. */
    private final class Watcher implements Runnable {
        @Override
        public void run() {
            watch();
        }
    }

    private void watch() {
        while (!stopped) {
            Inline call = current;
            long now = System.nanoTime();
            if (call != null && now - call.startedNanos >= TICK_NANOS
                    && call.state.compareAndSet(Inline.RUNNING, Inline.RELEASED)) {
                onStall.run();
            }
            boolean running = call != null && call.state.get() == Inline.RUNNING;
            if (!running && now - lastBegin >= IDLE_NANOS) {
                // Dekker-style with begin(): it writes current then reads sleeping; this writes sleeping then reads
                // current, so one of the two always sees the other and no call goes unwatched.
                sleeping = true;
                Inline latest = current;
                if ((latest == null || latest.state.get() != Inline.RUNNING) && !stopped) {
                    LockSupport.park(this);
                }
                sleeping = false;
            } else {
                LockSupport.parkNanos(this, TICK_NANOS);
            }
        }
    }
}
