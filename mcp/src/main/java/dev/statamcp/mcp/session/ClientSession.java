package dev.statamcp.mcp.session;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;

/** The connected client as a handler sees it. Messages sent here go to the session as a whole, not to one request. */
public interface ClientSession {
    String id();

    /** The negotiated protocol revision, or null before {@code initialize}. */
    String protocolVersion();

    Implementation clientInfo();

    /** The capabilities the client declared in {@code initialize} (an empty object when none). */
    JsonNode clientCapabilities();

    default boolean clientSupports(String capability) {
        return clientCapabilities().has(capability);
    }

    /** False once the session is closed (EOF, DELETE, expiry); then nothing more can be delivered to it. */
    boolean isOpen();

    /** Sends a request to the client; the future completes with its result or fails with {@code McpException}. */
    CompletableFuture<JsonNode> request(String method, JsonNode params);

    void notify(String method, JsonNode params);

    /** Sends {@code notifications/message} if {@code level} passes the level the client set. */
    void log(LogLevel level, String logger, Object data);

    /** Free-form per-session storage for the application. */
    Object attribute(String key);

    void attribute(String key, Object value);
}
