package dev.statamcp.mcp.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.jsonrpc.Json;
import dev.statamcp.mcp.jsonrpc.JsonRpcError;
import dev.statamcp.mcp.jsonrpc.McpException;
import dev.statamcp.mcp.jsonrpc.Messages;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The state of one client connection: negotiated version, client info, log level, calls in flight, subscriptions. */
public final class McpSession implements ClientSession {

    /** Where a session is in its lifecycle. */
    public enum State { NEW, INITIALIZED, CLOSED }

    /** A request of the client that is still being handled and can be cancelled. */
    public interface Cancellable {
        void cancel(String reason);
    }

    private final String id;
    private final MessageChannel sessionChannel;
    private volatile State state = State.NEW;
    private volatile String protocolVersion;
    private volatile Implementation clientInfo = new Implementation("unknown", null, "unknown");
    private volatile JsonNode clientCapabilities = Json.object();
    private volatile LogLevel logLevel = LogLevel.INFO;
    private final Map<String, Cancellable> inFlight = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<JsonNode>> pendingRequests = new ConcurrentHashMap<>();
    private final AtomicLong nextRequestId = new AtomicLong(1);
    private final Set<String> subscriptions = ConcurrentHashMap.newKeySet();
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();

    public McpSession(String id, MessageChannel sessionChannel) {
        this.id = id;
        this.sessionChannel = sessionChannel;
    }

    /** A key for a JSON-RPC id that treats 7 and 7.0 alike but keeps "7" (a string) apart. */
    public static String idKey(JsonNode id) {
        if (id == null || id.isNull()) {
            return "null";
        }
        if (id.isNumber()) {
            return "n:" + id.decimalValue().stripTrailingZeros().toPlainString();
        }
        return "s:" + id.asText();
    }

    @Override
    public String id() {
        return id;
    }

    public State state() {
        return state;
    }

    public void initialized(String version, Implementation client, JsonNode capabilities) {
        this.protocolVersion = version;
        this.clientInfo = client;
        this.clientCapabilities = capabilities == null || !capabilities.isObject() ? Json.object() : capabilities;
        this.state = State.INITIALIZED;
    }

    /** Marks the session closed and fails the server-to-client requests still waiting; returns false if it was closed. */
    public boolean close() {
        if (state == State.CLOSED) {
            return false;
        }
        state = State.CLOSED;
        McpException closed = new McpException(JsonRpcError.INTERNAL_ERROR, "The client session closed before it answered");
        pendingRequests.values().forEach(future -> future.completeExceptionally(closed));
        pendingRequests.clear();
        return true;
    }

    @Override
    public String protocolVersion() {
        return protocolVersion;
    }

    @Override
    public Implementation clientInfo() {
        return clientInfo;
    }

    @Override
    public JsonNode clientCapabilities() {
        return clientCapabilities;
    }

    @Override
    public boolean isOpen() {
        return state != State.CLOSED;
    }

    public MessageChannel channel() {
        return sessionChannel;
    }

    public LogLevel logLevel() {
        return logLevel;
    }

    public void logLevel(LogLevel level) {
        this.logLevel = level;
    }

    // ---- calls in flight -------------------------------------------------------------------------------------------

    public boolean registerCall(JsonNode requestId, Cancellable call) {
        return inFlight.putIfAbsent(idKey(requestId), call) == null;
    }

    public void unregisterCall(JsonNode requestId, Cancellable call) {
        inFlight.remove(idKey(requestId), call);
    }

    public boolean hasCallsInFlight() {
        return !inFlight.isEmpty();
    }

    /** Cancels the call with this id if it is still running; unknown or finished ids are ignored, as the spec asks. */
    public boolean cancel(JsonNode requestId, String reason) {
        Cancellable call = inFlight.get(idKey(requestId));
        if (call == null) {
            return false;
        }
        call.cancel(reason);
        return true;
    }

    // ---- server-to-client requests ---------------------------------------------------------------------------------

    @Override
    public CompletableFuture<JsonNode> request(String method, JsonNode params) {
        return request(sessionChannel, method, params);
    }

    /** Sends a request on the given channel (a request's own stream, so it reaches the client beside that call). */
    public CompletableFuture<JsonNode> request(MessageChannel channel, String method, JsonNode params) {
        CompletableFuture<JsonNode> future = new CompletableFuture<>();
        if (!isOpen()) {
            future.completeExceptionally(new McpException(JsonRpcError.INTERNAL_ERROR, "The client session is closed"));
            return future;
        }
        JsonNode requestId = LongNode.valueOf(nextRequestId.getAndIncrement());
        String key = idKey(requestId);
        pendingRequests.put(key, future);
        future.whenComplete((result, failure) -> pendingRequests.remove(key));
        try {
            channel.send(Messages.request(requestId, method, params));
        } catch (RuntimeException e) {
            future.completeExceptionally(e);
        }
        return future;
    }

    /** Completes the waiting request a client response answers; returns false for an id nobody waits for. */
    public boolean acceptResponse(JsonNode id, JsonNode result, JsonRpcError error) {
        CompletableFuture<JsonNode> future = pendingRequests.remove(idKey(id));
        if (future == null) {
            return false;
        }
        if (error != null) {
            future.completeExceptionally(new McpException(error));
        } else {
            future.complete(result == null ? Json.object() : result);
        }
        return true;
    }

    // ---- notifications ---------------------------------------------------------------------------------------------

    @Override
    public void notify(String method, JsonNode params) {
        if (isOpen()) {
            sessionChannel.send(Messages.notification(method, params));
        }
    }

    @Override
    public void log(LogLevel level, String logger, Object data) {
        log(sessionChannel, level, logger, data);
    }

    /** Sends a log message on a channel if the level passes the session's threshold. */
    public void log(MessageChannel channel, LogLevel level, String logger, Object data) {
        if (!isOpen() || level.ordinal() < logLevel.ordinal()) {
            return;
        }
        ObjectNode params = Json.object().put("level", level.wireName());
        if (logger != null) {
            params.put("logger", logger);
        }
        params.set("data", Json.toTree(data));
        channel.send(Messages.notification("notifications/message", params));
    }

    // ---- subscriptions and attributes ------------------------------------------------------------------------------

    public void subscribe(String uri) {
        subscriptions.add(uri);
    }

    public void unsubscribe(String uri) {
        subscriptions.remove(uri);
    }

    public boolean isSubscribed(String uri) {
        return subscriptions.contains(uri);
    }

    @Override
    public Object attribute(String key) {
        return attributes.get(key);
    }

    @Override
    public void attribute(String key, Object value) {
        if (value == null) {
            attributes.remove(key);
        } else {
            attributes.put(key, value);
        }
    }

    @Override
    public String toString() {
        return "session " + id + " (" + clientInfo.name() + " " + clientInfo.version() + ", " + protocolVersion + ")";
    }
}
