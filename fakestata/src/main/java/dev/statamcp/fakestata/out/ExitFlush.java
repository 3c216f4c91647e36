package dev.statamcp.fakestata.out;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

/**
 * Flushes the logs when the process is terminated (SIGTERM, or any exit) without a lock on every printed line.
 * An uncontended lock costs tens of nanoseconds a call on the machines this runs on, which was most of the time a
 * loop printing a gigabyte took; so only the thread that prints touches the output buffers, and the shutdown hook
 * asks that thread to flush at its next line end or poll point ({@link #checkpoint}). The hook flushes by itself
 * only when the printing thread cannot be in the middle of a write: it has ended, it is waiting for input, a sleep or
 * a key ({@link #waiting}), or it is not running (inside {@code System.exit}, say).
 */
public final class ExitFlush {
    /** How long the hook waits for a printing thread that neither reaches a checkpoint nor stops running. */
    private static final long PATIENCE_NANOS = 1_000_000_000L;

    private final Thread printer = Thread.currentThread();
    private final CountDownLatch handedOver = new CountDownLatch(1);
    private volatile Runnable requested;
    private volatile boolean waiting;

    /** Called by the printing thread at each line end and poll point: a volatile read, nothing more, until asked. */
    public void checkpoint() {
        Runnable flush = requested;
        if (flush != null && Thread.currentThread() == printer) {
            flush.run();
            handedOver.countDown();
            while (true) {
                LockSupport.park(this); // the JVM halts once the hooks are done; nothing more may be written
            }
        }
    }

    /** Marks the printing thread as blocked (it flushed first) until {@link #resume}. */
    public void waiting() {
        waiting = true;
    }

    public void resume() {
        waiting = false;
        checkpoint();
    }

    /** Called by the shutdown hook: runs {@code flush} on the printing thread, or here when that thread is idle. */
    public void flushOnExit(Runnable flush) {
        requested = flush;
        long deadline = System.nanoTime() + PATIENCE_NANOS;
        try {
            while (!handedOver.await(1, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                if (!printer.isAlive() || waiting || printer.getState() != Thread.State.RUNNABLE
                        || System.nanoTime() > deadline) {
                    flush.run();
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            flush.run();
        }
    }
}
