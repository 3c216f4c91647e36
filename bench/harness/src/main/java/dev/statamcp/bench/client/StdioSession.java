package dev.statamcp.bench.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A full MCP client session on a server's stdin/stdout, for the figures that run jobs: several requests in flight,
 * notifications handed to listeners with the moment they were read, and the server's own requests answered
 * ({@code roots/list} with the roots given, {@code ping}). One reader thread reads the pipe and stamps each message
 * before parsing it, so parsing cost never counts as latency.
 */
public final class StdioSession implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final byte[] LOG_METHOD = "\"method\":\"notifications/message\""
            .getBytes(StandardCharsets.UTF_8);

    /** A notification as read: the message (null when it was only counted, see {@link #skipLogBodies}). */
    public record Notification(String method, JsonNode message, long receivedNanos, int bytes) {
    }

    private final OutputStream toServer;
    private final LineReader fromServer;
    private final Map<String, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
    private final List<java.util.function.Consumer<Notification>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(1);
    private final AtomicLong notificationBytes = new AtomicLong();
    private final AtomicLong notificationCount = new AtomicLong();
    private final Thread reader;
    private volatile List<Path> roots = List.of();
    private volatile boolean skipLogBodies;
    private volatile IOException failure;

    private StdioSession(OutputStream toServer, InputStream fromServer) {
        this.toServer = toServer;
        this.fromServer = new LineReader(fromServer, Integer.MAX_VALUE - 64);
        this.reader = new Thread(this::readLoop, "mcp-stdio-reader");
        this.reader.setDaemon(true);
    }

    /** Connects and runs the handshake; {@code roots} are offered to the server (none: no roots capability). */
    public static StdioSession open(OutputStream toServer, InputStream fromServer, List<Path> roots,
                                    Duration timeout) throws IOException {
        StdioSession session = new StdioSession(toServer, fromServer);
        session.roots = List.copyOf(roots);
        session.reader.start();
        ObjectNode params = MAPPER.createObjectNode().put("protocolVersion", JsonRpc.PROTOCOL_VERSION);
        ObjectNode capabilities = params.putObject("capabilities");
        if (!roots.isEmpty()) {
            capabilities.putObject("roots").put("listChanged", false);
        }
        params.putObject("clientInfo").put("name", "stata-mcp-bench").put("version", "1");
        JsonNode result = session.request("initialize", params, timeout);
        if (!result.has("protocolVersion")) {
            throw new RpcException("initialize was not answered with a result: " + result);
        }
        session.notify("notifications/initialized", null);
        return session;
    }

    /**
     * Log notifications are counted and timed but not parsed (a run printing a gigabyte sends that much as
     * {@code notifications/message}; the figure is about the server, not about this client's JSON parser).
     */
    public void skipLogBodies(boolean skip) {
        this.skipLogBodies = skip;
    }

    public Runnable onNotification(java.util.function.Consumer<Notification> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public long notificationBytes() {
        return notificationBytes.get();
    }

    public long notificationCount() {
        return notificationCount.get();
    }

    /** Sends a request and waits for its result; an error answer throws. */
    public JsonNode request(String method, JsonNode params, Duration timeout) throws IOException {
        return await(send(method, params), method, timeout);
    }

    /** Sends a request; the future completes with the whole response message. */
    public CompletableFuture<JsonNode> send(String method, JsonNode params) throws IOException {
        long id = ids.getAndIncrement();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        waiting.put(Long.toString(id), answer);
        ObjectNode message = MAPPER.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
        if (params != null) {
            message.set("params", params);
        }
        IOException failed = failure;
        if (failed != null) {
            waiting.remove(Long.toString(id));
            throw failed;
        }
        write(message);
        return answer;
    }

    /** A tool call; {@code progressToken} (may be null) asks for progress notifications. */
    public CompletableFuture<JsonNode> callTool(String name, JsonNode arguments, String progressToken)
            throws IOException {
        ObjectNode params = MAPPER.createObjectNode().put("name", name);
        params.set("arguments", arguments == null ? MAPPER.createObjectNode() : arguments);
        if (progressToken != null) {
            params.putObject("_meta").put("progressToken", progressToken);
        }
        return send("tools/call", params);
    }

    /** A tool call waited for; returns the tool result (which may itself say isError). */
    public JsonNode tool(String name, JsonNode arguments, Duration timeout) throws IOException {
        return await(callTool(name, arguments, null), "tools/call " + name, timeout);
    }

    /** Waits for a response sent with {@link #send} and returns its result; an error answer throws. */
    public static JsonNode await(CompletableFuture<JsonNode> answer, String what, Duration timeout)
            throws IOException {
        try {
            JsonNode response = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (response.has("error")) {
                throw new RpcException(what + " was answered with an error: " + response.get("error"));
            }
            return response.path("result");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new RpcException(what + " failed", e.getCause());
        } catch (TimeoutException e) {
            throw new RpcException("no answer to " + what + " within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcException("interrupted while waiting for " + what);
        }
    }

    public void notify(String method, JsonNode params) throws IOException {
        ObjectNode message = MAPPER.createObjectNode().put("jsonrpc", "2.0").put("method", method);
        if (params != null) {
            message.set("params", params);
        }
        write(message);
    }

    private void write(JsonNode message) throws IOException {
        byte[] bytes = (MAPPER.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (toServer) {
            toServer.write(bytes);
            toServer.flush();
        }
    }

    private void readLoop() {
        try {
            LineReader.Line line;
            while ((line = fromServer.next()) != null) {
                long now = System.nanoTime();
                byte[] bytes = line.bytes();
                if (skipLogBodies && nearStart(bytes, LOG_METHOD)) {
                    deliver(new Notification("notifications/message", null, now, bytes.length));
                    continue;
                }
                JsonNode message = MAPPER.readTree(bytes);
                if (message.has("method") && message.has("id")) {
                    answerServer(message);
                } else if (message.has("method")) {
                    deliver(new Notification(message.get("method").asText(), message, now, bytes.length));
                } else {
                    CompletableFuture<JsonNode> answer = waiting.remove(JsonRpc.idText(message));
                    if (answer != null) {
                        answer.complete(message);
                    }
                }
            }
            failure = new RpcException("the server closed its output");
        } catch (IOException e) {
            failure = e;
        } catch (RuntimeException e) {
            failure = new RpcException("the client's reader failed: " + e);
        }
        waiting.values().forEach(f -> f.completeExceptionally(failure));
    }

    private void deliver(Notification n) {
        notificationCount.incrementAndGet();
        notificationBytes.addAndGet(n.bytes());
        for (var listener : listeners) {
            listener.accept(n);
        }
    }

    private void answerServer(JsonNode request) throws IOException {
        ObjectNode response = MAPPER.createObjectNode().put("jsonrpc", "2.0");
        response.set("id", request.get("id"));
        switch (request.get("method").asText()) {
            case "roots/list" -> {
                ArrayNode list = response.putObject("result").putArray("roots");
                for (Path root : roots) {
                    list.addObject().put("uri", root.toUri().toString()).put("name", root.getFileName().toString());
                }
            }
            case "ping" -> response.putObject("result");
            default -> response.putObject("error").put("code", -32601).put("message", "not supported by the bench");
        }
        write(response);
    }

    /** Whether {@code part} occurs within the first 100 bytes (where a notification names its method). */
    private static boolean nearStart(byte[] bytes, byte[] part) {
        int last = Math.min(bytes.length - part.length, 100);
        outer:
        for (int at = 0; at <= last; at++) {
            for (int i = 0; i < part.length; i++) {
                if (bytes[at + i] != part[i]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Ends the session by closing the server's input (a stdio server's cue to finish and exit). */
    @Override
    public void close() {
        try {
            toServer.close();
        } catch (IOException ignored) {
            // The server is gone already.
        }
    }
}
