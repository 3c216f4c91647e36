package dev.statamcp.mcp.transport.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** One open HTTP response carrying server-sent events. Writes block; callers serialise them. */
final class SseConnection {
    private final Response response;
    private final Callback callback;
    private final OutputStream out;
    private volatile boolean open = true;

    SseConnection(Response response, Callback callback) {
        this.response = response;
        this.callback = callback;
        this.out = Content.Sink.asOutputStream(response);
    }

    /** Sends the response headers for an event stream (the caller has set the session header). */
    static void prepareHeaders(Response response) {
        response.setStatus(200);
        response.getHeaders().put("Content-Type", "text/event-stream");
        response.getHeaders().put("Cache-Control", "no-cache, no-transform");
        response.getHeaders().put("X-Accel-Buffering", "no");
    }

    boolean isOpen() {
        return open;
    }

    /** Writes raw SSE text and flushes; returns false (and marks the connection closed) if the client is gone. */
    boolean write(String text) {
        if (!open) {
            return false;
        }
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return true;
        } catch (IOException | RuntimeException e) {
            fail(e);
            return false;
        }
    }

    /** Ends the response normally. */
    void close() {
        if (!open) {
            return;
        }
        open = false;
        try {
            out.close();
            callback.succeeded();
        } catch (IOException | RuntimeException e) {
            callback.failed(e);
        }
    }

    void fail(Throwable cause) {
        if (open) {
            open = false;
            callback.failed(cause);
        }
    }

    Response response() {
        return response;
    }
}
