package dev.statamcp.mcp.transport.http;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns POST streams still undecided at the end of the JSON window into event streams, with one timer for all of
 * them. A timer task per POST would wake the timer thread once per request (each task fires, almost always to find
 * its answer long gone): on a machine with few cores that wake-up competes with the requests themselves. Here the
 * timer sleeps until the oldest undecided stream is due, and on waking forgets every stream answered meanwhile.
 *
 * <p>Streams are queued in the order their POSTs arrived; the window is the same for all, so that is the order they
 * fall due (concurrent POSTs may swap places by microseconds, which delays an upgrade by as much).
 */
final class JsonWindowTimer {
    private record Pending(SseStream stream, long dueNanos) {
    }

    private final ScheduledExecutorService scheduler;
    private final long windowNanos;
    private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
    /** True while a sweep is scheduled or running; only the one who sets it schedules. */
    private final AtomicBoolean armed = new AtomicBoolean();
    private final Runnable sweep = this::sweep;

    JsonWindowTimer(ScheduledExecutorService scheduler, long windowMillis) {
        this.scheduler = scheduler;
        this.windowNanos = TimeUnit.MILLISECONDS.toNanos(windowMillis);
    }

    /** Upgrades {@code stream} to SSE once the window has passed, unless it is answered by then. */
    void watch(SseStream stream) {
        pending.add(new Pending(stream, System.nanoTime() + windowNanos));
        if (armed.compareAndSet(false, true)) {
            schedule(windowNanos);
        }
    }

    private void sweep() {
        long now = System.nanoTime();
        Pending head;
        while ((head = pending.peek()) != null) {
            if (!head.stream().isFinished() && head.dueNanos() - now > 0) {
                schedule(head.dueNanos() - now);
                return;
            }
            pending.poll();
            head.stream().upgradeIfPending(); // does nothing to a stream already answered
        }
        armed.set(false);
        // A stream queued after the loop saw the queue empty but before armed was cleared found the timer armed and
        // did not schedule: look once more.
        if (!pending.isEmpty() && armed.compareAndSet(false, true)) {
            schedule(0);
        }
    }

    private void schedule(long delayNanos) {
        try {
            scheduler.schedule(sweep, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            armed.set(false); // the handler is stopping; its streams are being closed
        }
    }
}
