package dev.statamcp.mcp.transport.http;

import dev.statamcp.mcp.server.McpServer;
import dev.statamcp.mcp.session.McpSession;
import dev.statamcp.mcp.session.ProtocolVersion;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** One client's session over Streamable HTTP: the protocol session, its streams and its event store. */
final class HttpSession {
    private final String id;
    private final McpSession mcp;
    private final EventStore events;
    private final long retryMillis;
    private final SseStream standalone;
    private final Map<String, SseStream> streams = new ConcurrentHashMap<>();
    private final AtomicLong streamCounter = new AtomicLong();
    private volatile long lastActivityNanos = System.nanoTime();

    HttpSession(String id, McpServer server, int eventCapacity, long retryMillis) {
        this.id = id;
        this.events = new EventStore(eventCapacity);
        this.retryMillis = retryMillis;
        this.standalone = new SseStream(this, "0");
        streams.put(standalone.id(), standalone);
        this.mcp = server.newSession(id, standalone);
    }

    String id() {
        return id;
    }

    McpSession mcp() {
        return mcp;
    }

    EventStore events() {
        return events;
    }

    long retryMillis() {
        return retryMillis;
    }

    SseStream standalone() {
        return standalone;
    }

    boolean pollingSupported() {
        return ProtocolVersion.supportsSsePolling(mcp.protocolVersion());
    }

    SseStream newRequestStream(Response response, Callback callback) {
        forgetFinishedStreams();
        SseStream stream = new SseStream(this, Long.toString(streamCounter.incrementAndGet()), response, callback);
        streams.put(stream.id(), stream);
        return stream;
    }

    /** The stream an event id such as {@code 3_17} belongs to, or null. */
    SseStream stream(String streamId) {
        return streams.get(streamId);
    }

    void touch() {
        lastActivityNanos = System.nanoTime();
    }

    /** Idle: no connection open, no call running, and no request for longer than {@code idleNanos}. */
    boolean isIdle(long idleNanos) {
        if (mcp.hasCallsInFlight() || System.nanoTime() - lastActivityNanos < idleNanos) {
            return false;
        }
        return streams.values().stream().noneMatch(SseStream::hasOpenConnection);
    }

    void keepAlive() {
        streams.values().forEach(SseStream::keepAlive);
    }

    void closeConnections() {
        streams.values().forEach(SseStream::closeConnection);
    }

    private void forgetFinishedStreams() {
        streams.values().removeIf(stream -> stream != standalone && stream.isForgettable());
    }
}
