package dev.statamcp.mcp.interop;

import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Wraps a Java SDK client transport to record what goes in and out, and to send a raw message: SDK 2.1.0 has no
 * way to cancel a call, so the test sends {@code notifications/cancelled} itself, as any client would. Shared with
 * the server module's tests through the test jar.
 */
public final class RecordingTransport implements McpClientTransport {
    private final McpClientTransport delegate;
    public final List<McpSchema.JSONRPCMessage> sent = new CopyOnWriteArrayList<>();
    public final List<McpSchema.JSONRPCMessage> received = new CopyOnWriteArrayList<>();

    public RecordingTransport(McpClientTransport delegate) {
        this.delegate = delegate;
    }

    @Override
    public Mono<Void> connect(Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
        return delegate.connect(messages -> handler.apply(messages.doOnNext(received::add)));
    }

    @Override
    public void setExceptionHandler(Consumer<Throwable> handler) {
        delegate.setExceptionHandler(handler);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return delegate.closeGracefully();
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
        sent.add(message);
        return delegate.sendMessage(message);
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
        return delegate.unmarshalFrom(data, type);
    }

    @Override
    public List<String> protocolVersions() {
        return delegate.protocolVersions();
    }

    @Override
    public void close() {
        delegate.close();
    }

    /** The id of the last {@code tools/call} sent whose params mention {@code text}. */
    public Object lastCallId(String text) {
        return sent.stream().filter(m -> m instanceof McpSchema.JSONRPCRequest r && "tools/call".equals(r.method())
                        && String.valueOf(r.params()).contains(text))
                .map(m -> ((McpSchema.JSONRPCRequest) m).id()).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no tools/call mentioning " + text + " was sent"));
    }

    /** Sends {@code notifications/cancelled} for a request, as a client whose user pressed stop would. */
    public void cancel(Object requestId, String reason) {
        sendMessage(new McpSchema.JSONRPCNotification("2.0", "notifications/cancelled",
                java.util.Map.of("requestId", requestId, "reason", reason))).block(java.time.Duration.ofSeconds(5));
    }
}
