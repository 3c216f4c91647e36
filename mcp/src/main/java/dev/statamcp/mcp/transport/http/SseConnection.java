package dev.statamcp.mcp.transport.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.IteratingCallback;

/**
 * One open HTTP response carrying server-sent events. Writes never block the caller (a tool handler reporting
 * progress must not wait for a slow network): text is queued and sent by Jetty's asynchronous writes, one at a
 * time. A client that falls more than {@link #MAX_QUEUED_BYTES} behind is disconnected; nothing is lost, since
 * every event is in the session's event store for it to resume from.
 */
final class SseConnection {
    static final long MAX_QUEUED_BYTES = 4L * 1024 * 1024;
    private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);

    private final Response response;
    private final Callback callback;
    private final Deque<ByteBuffer> queue = new ArrayDeque<>();
    private final Flusher flusher = new Flusher();
    private final AtomicBoolean completed = new AtomicBoolean();
    private long queuedBytes;
    private boolean closing;
    private volatile boolean open = true;

    SseConnection(Response response, Callback callback) {
        this.response = response;
        this.callback = callback;
    }

    /** Sets the response headers for an event stream (the caller has set the session header). */
    static void prepareHeaders(Response response) {
        response.setStatus(200);
        response.getHeaders().put("Content-Type", "text/event-stream");
        response.getHeaders().put("Cache-Control", "no-cache, no-transform");
        response.getHeaders().put("X-Accel-Buffering", "no");
    }

    boolean isOpen() {
        return open;
    }

    /** Queues SSE text; returns false (and the connection is closed) if the client is gone or too far behind. */
    boolean write(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        synchronized (this) {
            if (!open || closing) {
                return false;
            }
            if (queuedBytes + bytes.length > MAX_QUEUED_BYTES) {
                fail(new IOException("the client reads too slowly (" + queuedBytes + " bytes waiting)"));
                return false;
            }
            queue.addLast(ByteBuffer.wrap(bytes));
            queuedBytes += bytes.length;
        }
        flusher.iterate();
        return true;
    }

    /** Ends the response once everything queued is written. */
    void close() {
        synchronized (this) {
            if (!open || closing) {
                return;
            }
            closing = true;
        }
        flusher.iterate();
    }

    /** Drops the connection at once (client gone, or too slow). */
    void fail(Throwable cause) {
        open = false;
        if (completed.compareAndSet(false, true)) {
            callback.failed(cause);
        }
    }

    /** Writes the queue one buffer at a time; Jetty calls back when each write is done. */
    private final class Flusher extends IteratingCallback {
        private boolean lastWritten;

        @Override
        protected Action process() {
            ByteBuffer next;
            boolean finish;
            synchronized (SseConnection.this) {
                if (!open) {
                    return Action.SUCCEEDED;
                }
                next = queue.pollFirst();
                if (next != null) {
                    queuedBytes -= next.remaining();
                }
                finish = next == null && closing && !lastWritten;
                if (next == null && !finish) {
                    return lastWritten ? Action.SUCCEEDED : Action.IDLE;
                }
            }
            if (finish) {
                lastWritten = true;
                response.write(true, NOTHING, this);
            } else {
                response.write(false, next, this);
            }
            return Action.SCHEDULED;
        }

        @Override
        protected void onCompleteSuccess() {
            open = false;
            if (completed.compareAndSet(false, true)) {
                callback.succeeded();
            }
        }

        @Override
        protected void onCompleteFailure(Throwable cause) {
            fail(cause);
        }
    }
}
