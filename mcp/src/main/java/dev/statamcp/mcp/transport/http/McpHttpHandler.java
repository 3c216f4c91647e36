package dev.statamcp.mcp.transport.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.jsonrpc.Json;
import dev.statamcp.mcp.jsonrpc.JsonRpcError;
import dev.statamcp.mcp.jsonrpc.JsonRpcMessage;
import dev.statamcp.mcp.jsonrpc.MessageParser;
import dev.statamcp.mcp.jsonrpc.Messages;
import dev.statamcp.mcp.jsonrpc.Utf8;
import dev.statamcp.mcp.server.BatchCollector;
import dev.statamcp.mcp.server.KeptCall;
import dev.statamcp.mcp.server.McpServer;
import dev.statamcp.mcp.session.McpSession;
import dev.statamcp.mcp.session.ProtocolVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MCP Streamable HTTP endpoint as a Jetty handler: POST carries client messages (answered with JSON or an SSE
 * stream), GET opens or resumes a server stream, DELETE ends the session. Mount it in an {@link HttpServerHost}, which
 * applies the Origin, Host and token checks to every path.
 */
public final class McpHttpHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(McpHttpHandler.class);
    private static final String SESSION_HEADER = "Mcp-Session-Id";
    private static final String VERSION_HEADER = "MCP-Protocol-Version";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Beyond this, an oversize body is not read to its end: the connection is simply closed after the 413. */
    private static final long MAX_DISCARDED_BODY = 64L * 1024 * 1024;

    /**
     * @param path               where the endpoint answers (default {@code /mcp})
     * @param eventStoreCapacity events kept per session for replay after a reconnect
     * @param retryMillis        the SSE {@code retry} the client waits before reconnecting
     * @param sessionIdleTimeout a session with no connection, no running call and no request for this long is closed
     * @param keepAliveInterval  how often an idle SSE stream gets a comment line (keeps proxies and idle timers calm)
     * @param jsonWindow         how long a POST answer may take and still be sent as plain JSON before switching to SSE
     */
    public record Options(String path, int eventStoreCapacity, long retryMillis, Duration sessionIdleTimeout,
                          Duration keepAliveInterval, Duration jsonWindow) {
        public static Options defaults() {
            return new Options("/mcp", 1000, 2000, Duration.ofHours(1), Duration.ofSeconds(15), Duration.ofMillis(500));
        }
    }

    private final McpServer server;
    private final Options options;
    private final Map<String, HttpSession> sessions = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;
    private JsonWindowTimer jsonWindow;

    public McpHttpHandler(McpServer server) {
        this(server, Options.defaults());
    }

    public McpHttpHandler(McpServer server, Options options) {
        this.server = server;
        this.options = options;
    }

    public String path() {
        return options.path();
    }

    /** Number of open sessions (for diagnostics and tests). */
    public int sessionCount() {
        return sessions.size();
    }

    @Override
    protected void doStart() throws Exception {
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "mcp-http-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        long keepAlive = options.keepAliveInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::housekeeping, keepAlive, keepAlive, TimeUnit.MILLISECONDS);
        jsonWindow = new JsonWindowTimer(scheduler, options.jsonWindow().toMillis());
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        scheduler.shutdownNow();
        for (HttpSession session : sessions.values()) {
            session.closeConnections();
        }
        super.doStop();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!options.path().equals(Request.getPathInContext(request))) {
            return false;
        }
        switch (request.getMethod()) {
            case "POST":
                post(request, response, callback);
                return true;
            case "GET":
                get(request, response, callback);
                return true;
            case "DELETE":
                delete(request, response, callback);
                return true;
            default:
                response.getHeaders().put("Allow", "GET, POST, DELETE");
                reject(response, callback, 405, "Method " + request.getMethod() + " is not allowed on " + options.path());
                return true;
        }
    }

    // ---- POST ------------------------------------------------------------------------------------------------------

    private void post(Request request, Response response, Callback callback) throws IOException {
        String accept = request.getHeaders().get("Accept");
        if (accept != null && !accepts(accept, "application/json") && !accepts(accept, "text/event-stream")) {
            reject(response, callback, 406, "Not Acceptable: the Accept header must list application/json and text/event-stream");
            return;
        }
        String contentType = request.getHeaders().get("Content-Type");
        if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
            reject(response, callback, 415, "Unsupported Media Type: send the message as application/json");
            return;
        }
        String body = readBody(request, response, callback);
        if (body == null) {
            return;
        }
        MessageParser.Parsed parsed = MessageParser.parse(body);
        if (!parsed.batch() && parsed.single() instanceof JsonRpcMessage.Invalid invalid) {
            writeJson(response, callback, 400, Messages.error(invalid.id(), invalid.error()));
            return;
        }
        String sessionId = request.getHeaders().get(SESSION_HEADER);
        if (!parsed.batch() && parsed.single() instanceof JsonRpcMessage.Request first && "initialize".equals(first.method())
                && sessionId == null) {
            initialize(first, response, callback);
            return;
        }
        HttpSession session = findSession(sessionId, response, callback);
        if (session == null || !versionHeaderOk(request, response, callback)) {
            return;
        }
        session.touch();
        response.getHeaders().put(SESSION_HEADER, session.id());
        List<JsonRpcMessage> messages = parsed.messages();
        long answered = messages.stream()
                .filter(m -> m instanceof JsonRpcMessage.Request || m instanceof JsonRpcMessage.Invalid).count();
        if (answered == 0) {
            // Notifications and responses get 202 whatever handling them does: the exchange must always end.
            try {
                messages.forEach(message -> server.handle(session.mcp(), message, session.standalone()));
            } catch (RuntimeException e) {
                LOG.warn("handling a notification or response of session {} failed: {}", session.id(), e.toString());
            } finally {
                response.setStatus(202);
                callback.succeeded();
            }
            return;
        }
        SseStream stream = session.newRequestStream(response, callback);
        // A call this request starts runs on this (Jetty request) thread once the message is dealt with: the answer
        // goes out without waiting for another thread to wake up. Jetty has other threads to go on serving.
        KeptCall calls = server.keptCall();
        if (parsed.batch()) {
            if (!ProtocolVersion.allowsBatches(session.mcp().protocolVersion())) {
                stream.complete(Messages.error(null, JsonRpcError.invalidRequest("JSON-RPC batches are not accepted with protocol "
                        + session.mcp().protocolVersion() + "; send one message per request")));
                return;
            }
            BatchCollector batch = new BatchCollector((int) answered, stream, stream::completeBatch);
            for (JsonRpcMessage message : messages) {
                boolean answers = message instanceof JsonRpcMessage.Request || message instanceof JsonRpcMessage.Invalid;
                server.handle(session.mcp(), message, answers ? batch.entryChannel() : session.standalone(), calls);
            }
        } else {
            server.handle(session.mcp(), parsed.single(), stream, calls);
        }
        if (!stream.isFinished()) {
            jsonWindow.watch(stream); // answered inline (a ping, a list) needs no timer
        }
        calls.runHere();
    }

    private void initialize(JsonRpcMessage.Request request, Response response, Callback callback) {
        String id = newSessionId();
        HttpSession session = new HttpSession(id, server, options.eventStoreCapacity(), options.retryMillis());
        response.getHeaders().put(SESSION_HEADER, id);
        SseStream stream = session.newRequestStream(response, callback);
        // Registered before the answer goes out: the client may send its next request the moment it reads it.
        sessions.put(id, session);
        server.handle(session.mcp(), request, stream);
        if (session.mcp().state() == McpSession.State.INITIALIZED) {
            LOG.info("HTTP session {} opened ({} open)", id, sessions.size());
        } else {
            sessions.remove(id);
        }
    }

    // ---- GET and DELETE --------------------------------------------------------------------------------------------

    private void get(Request request, Response response, Callback callback) {
        String accept = request.getHeaders().get("Accept");
        if (accept != null && !accepts(accept, "text/event-stream")) {
            reject(response, callback, 406, "Not Acceptable: a GET on " + options.path() + " returns text/event-stream");
            return;
        }
        HttpSession session = findSession(request.getHeaders().get(SESSION_HEADER), response, callback);
        if (session == null || !versionHeaderOk(request, response, callback)) {
            return;
        }
        session.touch();
        response.getHeaders().put(SESSION_HEADER, session.id());
        SseConnection.prepareHeaders(response);
        SseConnection connection = new SseConnection(response, callback);
        request.addFailureListener(failure -> connection.fail(failure));
        String lastEventId = request.getHeaders().get("Last-Event-ID");
        SseStream stream = session.standalone();
        Long afterSeq = null;
        if (lastEventId != null) {
            int separator = lastEventId.lastIndexOf('_');
            SseStream resumed = separator > 0 ? session.stream(lastEventId.substring(0, separator)) : null;
            Long seq = separator > 0 ? parseSeq(lastEventId.substring(separator + 1)) : null;
            if (resumed != null && seq != null) {
                stream = resumed;
                afterSeq = seq;
            } else {
                LOG.debug("session {}: Last-Event-ID {} is unknown or expired; opening the session stream", session.id(), lastEventId);
            }
        }
        stream.attach(connection, afterSeq);
    }

    private void delete(Request request, Response response, Callback callback) {
        HttpSession session = findSession(request.getHeaders().get(SESSION_HEADER), response, callback);
        if (session == null) {
            return;
        }
        close(session, "deleted by the client");
        response.setStatus(200);
        callback.succeeded();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private HttpSession findSession(String sessionId, Response response, Callback callback) {
        if (sessionId == null) {
            writeJson(response, callback, 400, Messages.error(null, JsonRpcError.of(-32000,
                    "Bad Request: the Mcp-Session-Id header is missing; start with an initialize request")));
            return null;
        }
        HttpSession session = sessions.get(sessionId);
        if (session == null) {
            writeJson(response, callback, 404, Messages.error(null, JsonRpcError.of(-32001,
                    "Session not found: it ended or expired; initialize a new session")));
        }
        return session;
    }

    private boolean versionHeaderOk(Request request, Response response, Callback callback) {
        String version = request.getHeaders().get(VERSION_HEADER);
        if (version != null && !ProtocolVersion.isSupported(version)) {
            writeJson(response, callback, 400, Messages.error(null, JsonRpcError.of(-32000, "Bad Request: unsupported "
                    + VERSION_HEADER + " '" + version + "'; this server speaks " + String.join(", ", ProtocolVersion.SUPPORTED))));
            return false;
        }
        return true;
    }

    private String readBody(Request request, Response response, Callback callback) throws IOException {
        int limit = server.maxMessageBytes();
        byte[] bytes;
        try (InputStream in = Request.asInputStream(request)) {
            bytes = request.getLength() <= limit ? in.readNBytes(limit + 1) : null;
            if (bytes == null || bytes.length > limit) {
                // Read the rest (up to a bound) before answering, so the client is not cut off mid-upload and
                // actually sees the 413 instead of a reset connection.
                long skipped = 0;
                byte[] sink = new byte[64 * 1024];
                for (int n; skipped < MAX_DISCARDED_BODY && (n = in.read(sink)) > 0; ) {
                    skipped += n;
                }
                writeJson(response, callback, 413, Messages.error(null, JsonRpcError.invalidRequest(
                        "the message is larger than the limit of " + limit + " bytes")));
                return null;
            }
        }
        String text = Utf8.decodeOrNull(bytes, 0, bytes.length);
        if (text == null) {
            writeJson(response, callback, 400, Messages.error(null, Utf8.NOT_UTF8));
        }
        return text;
    }

    private void housekeeping() {
        long idleNanos = options.sessionIdleTimeout().toNanos();
        for (HttpSession session : sessions.values()) {
            try {
                session.keepAlive();
                if (session.isIdle(idleNanos)) {
                    close(session, "idle for " + options.sessionIdleTimeout());
                }
            } catch (RuntimeException e) {
                LOG.warn("housekeeping of session {} failed", session.id(), e);
            }
        }
    }

    private void close(HttpSession session, String why) {
        if (sessions.remove(session.id(), session)) {
            session.closeConnections();
            server.closeSession(session.mcp());
            LOG.info("HTTP session {} closed: {}", session.id(), why);
        }
    }

    private static Long parseSeq(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean accepts(String accept, String type) {
        String lower = accept.toLowerCase();
        return lower.contains(type) || lower.contains("*/*");
    }

    private static String newSessionId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static void writeJson(Response response, Callback callback, int status, ObjectNode body) {
        response.setStatus(status);
        response.getHeaders().put("Content-Type", "application/json");
        response.write(true, ByteBuffer.wrap(Json.writeBytes(body)), callback);
    }

    private static void reject(Response response, Callback callback, int status, String message) {
        writeJson(response, callback, status, Messages.error(null, JsonRpcError.of(-32000, message)));
    }
}
