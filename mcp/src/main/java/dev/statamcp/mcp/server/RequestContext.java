package dev.statamcp.mcp.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statamcp.mcp.session.ClientSession;
import dev.statamcp.mcp.session.LogLevel;
import java.util.concurrent.CompletableFuture;

/**
 * What a handler knows about the request it serves and how it talks back to the client that made it. Progress, log
 * messages and server-to-client requests sent here reach the session (and over HTTP the stream) of this request.
 */
public interface RequestContext {

    /** The JSON-RPC id exactly as the client sent it. */
    JsonNode requestId();

    String method();

    /** The client's {@code _meta.progressToken}, or null when it asked for no progress. */
    JsonNode progressToken();

    /** The request's {@code _meta} object, or null. */
    JsonNode meta();

    /**
     * Sends {@code notifications/progress}. Values must increase: a value not above the last one sent is dropped.
     * Does nothing without a progress token or after cancellation. {@code total} and {@code message} may be null.
     */
    void progress(double progress, Double total, String message);

    /** Sends {@code notifications/message} if the level passes what the client set with {@code logging/setLevel}. */
    void log(LogLevel level, String logger, Object data);

    boolean isCancelled();

    /** The reason the client gave when cancelling, or null. */
    String cancelReason();

    /** Runs {@code action} on cancellation (at once when already cancelled). Runs on the transport's thread: be quick. */
    void onCancel(Runnable action);

    ClientSession session();

    /** Sends a request to the client alongside this call (over HTTP on this request's stream). */
    CompletableFuture<JsonNode> request(String method, JsonNode params);

    default CompletableFuture<JsonNode> createMessage(JsonNode params) {
        return request("sampling/createMessage", params);
    }

    default CompletableFuture<JsonNode> elicit(JsonNode params) {
        return request("elicitation/create", params);
    }

    default CompletableFuture<JsonNode> listRoots() {
        return request("roots/list", null);
    }

    /**
     * Closes the connection carrying this request's stream while the call goes on; the client reconnects after
     * {@code retryMillis} and gets what it missed (SSE polling). No effect over stdio.
     */
    void closeStream(long retryMillis);

    /** Whether a connection is attached to deliver this request's messages right now (always true over stdio). */
    boolean isStreamConnected();
}
