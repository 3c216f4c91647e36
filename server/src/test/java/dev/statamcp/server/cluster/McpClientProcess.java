package dev.statamcp.server.cluster;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * The server as an MCP client meets it: {@code bin/stata-mcp serve} over stdio, driven by the official Java SDK
 * client, with every message the client receives recorded in arrival order (the SDK may run its consumers on
 * several threads, so only the wire order says what came first).
 */
final class McpClientProcess implements AutoCloseable {
    final McpSyncClient client;
    final List<McpSchema.JSONRPCMessage> received = new CopyOnWriteArrayList<>();
    private final String marker;

    /**
     * @param marker a string on the server's command line that tells it apart from other servers (its data dir)
     */
    McpClientProcess(Path projectRoot, List<String> serveArgs, Map<String, String> env, String marker) {
        this.marker = marker;
        ServerParameters parameters = ServerParameters.builder(projectRoot.resolve("bin/stata-mcp").toString())
                .args(serveArgs).env(env).build();
        McpClientTransport transport = new Recording(new StdioClientTransport(parameters, McpJsonDefaults.getMapper()),
                received);
        client = McpClient.sync(transport).requestTimeout(Duration.ofMinutes(5))
                .initializationTimeout(Duration.ofSeconds(60)).build();
        client.initialize();
        client.setLoggingLevel(McpSchema.LoggingLevel.INFO);
    }

    /** The server's process (a child of this test's JVM). */
    Optional<ProcessHandle> process() {
        return ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false)).findFirst();
    }

    @Override
    public void close() {
        try {
            client.closeGracefully();
        } catch (RuntimeException e) {
            // the server may already be gone (killed by the test)
        }
    }

    /** Records what arrives from the server before the SDK handles it. */
    private static final class Recording implements McpClientTransport {
        private final McpClientTransport delegate;
        private final List<McpSchema.JSONRPCMessage> received;

        Recording(McpClientTransport delegate, List<McpSchema.JSONRPCMessage> received) {
            this.delegate = delegate;
            this.received = received;
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
    }
}
