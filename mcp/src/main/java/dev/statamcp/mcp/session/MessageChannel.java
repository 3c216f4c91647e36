package dev.statamcp.mcp.session;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where outgoing messages of one exchange go. Over stdio every channel is standard output; over Streamable HTTP a
 * request's channel is the SSE stream (or JSON body) of the POST that carried it, and the session channel is the
 * stream the client opened with GET.
 */
public interface MessageChannel {

    /** Sends a notification or a server-to-client request related to this exchange. */
    void send(ObjectNode message);

    /** Sends the response that ends this exchange; {@code null} ends it without a response (cancelled request). */
    void complete(ObjectNode response);

    /**
     * Closes the underlying connection but keeps the exchange going: the client reconnects after
     * {@code retryMillis} and receives what it missed (SSE polling, 2025-11-25). Does nothing where not applicable.
     */
    default void closeForPolling(long retryMillis) {
    }

    /** Whether a client connection is currently attached to receive messages right away. */
    default boolean isConnected() {
        return true;
    }
}
