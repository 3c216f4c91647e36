package dev.statamcp.mcp.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.jsonrpc.Json;
import dev.statamcp.mcp.session.MessageChannel;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Gathers the responses to the requests of one JSON-RPC batch (protocol 2025-03-26 and older) into the single array
 * JSON-RPC asks for. Notifications and server requests sent meanwhile go out at once through {@code passThrough}.
 */
public final class BatchCollector {
    private final ArrayNode responses = Json.array();
    private final AtomicInteger outstanding;
    private final MessageChannel passThrough;
    private final Consumer<ArrayNode> onDone;

    /** {@code expected} counts the batch entries that get an answer (requests and invalid entries). */
    public BatchCollector(int expected, MessageChannel passThrough, Consumer<ArrayNode> onDone) {
        this.outstanding = new AtomicInteger(expected);
        this.passThrough = passThrough;
        this.onDone = onDone;
        if (expected == 0) {
            onDone.accept(responses);
        }
    }

    /** A channel for one batch entry; its {@code complete} counts once. */
    public MessageChannel entryChannel() {
        AtomicBoolean done = new AtomicBoolean();
        return new MessageChannel() {
            @Override
            public void send(ObjectNode message) {
                passThrough.send(message);
            }

            @Override
            public void complete(ObjectNode response) {
                if (!done.compareAndSet(false, true)) {
                    return;
                }
                if (response != null) {
                    synchronized (responses) {
                        responses.add(response);
                    }
                }
                if (outstanding.decrementAndGet() == 0) {
                    onDone.accept(responses);
                }
            }

            @Override
            public boolean isConnected() {
                return passThrough.isConnected();
            }
        };
    }
}
