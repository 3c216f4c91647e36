package dev.statamcp.server.rest.events;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes Server-Sent Events to a blocking stream. Events are gathered and sent together by {@link #flush}, so a
 * burst of log lines costs one write. A failed write means the client has gone.
 */
final class SseWriter {
    private final OutputStream out;
    private final StringBuilder pending = new StringBuilder();
    private long lastWrite = System.nanoTime();

    SseWriter(OutputStream out) {
        this.out = out;
    }

    void retry(long millis) {
        pending.append("retry: ").append(millis).append("\n\n");
    }

    /** An event; {@code id} may be null (the client's last id then stays as it was). */
    void event(String id, String type, String data) {
        if (id != null) {
            pending.append("id: ").append(id).append('\n');
        }
        pending.append("event: ").append(type).append('\n');
        for (String line : data.split("\n", -1)) {
            pending.append("data: ").append(line).append('\n');
        }
        pending.append('\n');
    }

    void comment(String text) {
        pending.append(": ").append(text).append("\n\n");
    }

    boolean hasPending() {
        return !pending.isEmpty();
    }

    /** Sends what is pending. */
    void flush() throws IOException {
        if (pending.isEmpty()) {
            return;
        }
        out.write(pending.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        pending.setLength(0);
        lastWrite = System.nanoTime();
    }

    /** Sends a comment when nothing was written for {@code millis}, so proxies and idle timers see a live stream. */
    void keepAlive(long millis) throws IOException {
        if (System.nanoTime() - lastWrite >= millis * 1_000_000L) {
            comment("keep-alive");
            flush();
        }
    }
}
