package dev.statamcp.mcp.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.statamcp.mcp.fixture.ConformanceFixture;
import dev.statamcp.mcp.fixture.FixtureMain.FixtureHttpServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The official Java SDK client (io.modelcontextprotocol.sdk:mcp 2.1.0) against the fixture, over stdio and HTTP:
 * initialize, list tools, a call with progress (at least 3) and a log message, and a cancelled call whose handler
 * sees the cancellation within 1 s and whose result never arrives.
 */
@Tag("interop")
class JavaSdkInteropTest {

    @Test
    void overStdio() throws Exception {
        ServerParameters parameters = ServerParameters.builder(FixtureProcess.java()).args(FixtureProcess.stdioArgs()).build();
        exercise(new StdioClientTransport(parameters, McpJsonDefaults.getMapper()));
    }

    @Test
    void overHttp() throws Exception {
        try (FixtureHttpServer fixture = FixtureHttpServer.start(ConformanceFixture.create(), 0)) {
            exercise(HttpClientStreamableHttpTransport.builder(fixture.host().baseUri().toString()).endpoint("/mcp").build());
        }
    }

    private static void exercise(McpClientTransport inner) throws Exception {
        RecordingTransport transport = new RecordingTransport(inner);
        List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();
        List<McpSchema.LoggingMessageNotification> logs = new CopyOnWriteArrayList<>();
        ExecutorService background = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "blocked-call");
            thread.setDaemon(true);
            return thread;
        });
        try (McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(20))
                .progressConsumer(progress::add).loggingConsumer(logs::add).build()) {
            McpSchema.InitializeResult init = client.initialize();
            assertThat(init.serverInfo().name()).isEqualTo("conformance-fixture");
            assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name).contains("progress_steps", "wait_for_cancel");

            McpSchema.CallToolResult result = client.callTool(McpSchema.CallToolRequest.builder().name("progress_steps")
                    .arguments(Map.of("steps", 5, "delayMs", 30)).progressToken("java-progress").build());
            assertThat(((McpSchema.TextContent) result.content().get(0)).text()).isEqualTo("completed 5 steps");
            await().atMost(Duration.ofSeconds(2)).until(() -> progress.size() >= 5 && !logs.isEmpty());
            // The SDK may run its consumers concurrently, so their order says nothing; the wire order must increase.
            assertThat(progress).extracting(McpSchema.ProgressNotification::progress)
                    .hasSizeGreaterThanOrEqualTo(3).containsExactlyInAnyOrder(1.0, 2.0, 3.0, 4.0, 5.0);
            assertThat(progress).allMatch(p -> "java-progress".equals(p.progressToken()));
            assertThat(transport.received.stream()
                    .filter(m -> m instanceof McpSchema.JSONRPCNotification n && "notifications/progress".equals(n.method()))
                    .map(m -> ((Map<?, ?>) ((McpSchema.JSONRPCNotification) m).params()).get("progress"))
                    .map(v -> ((Number) v).doubleValue()).toList())
                    .as("progress values in the order they arrived").containsExactly(1.0, 2.0, 3.0, 4.0, 5.0);

            Future<McpSchema.CallToolResult> blocked = background.submit(() -> client.callTool(McpSchema.CallToolRequest.builder()
                    .name("wait_for_cancel").arguments(Map.of("maxSeconds", 15)).progressToken("cancel-me").build()));
            await().atMost(Duration.ofSeconds(5)).until(() -> progress.stream().anyMatch(p -> "cancel-me".equals(p.progressToken())));
            Object requestId = transport.sent.stream().filter(m -> m instanceof McpSchema.JSONRPCRequest request
                            && "tools/call".equals(request.method()) && request.params().toString().contains("wait_for_cancel"))
                    .map(m -> ((McpSchema.JSONRPCRequest) m).id()).reduce((a, b) -> b).orElseThrow();
            long cancelledAt = System.currentTimeMillis();
            transport.sendMessage(new McpSchema.JSONRPCNotification("2.0", "notifications/cancelled",
                    Map.of("requestId", requestId, "reason", "interop test cancels the call"))).block(Duration.ofSeconds(5));

            Thread.sleep(1500);
            assertThat(blocked.isDone()).as("no result arrives for the cancelled call").isFalse();
            assertThat(transport.received).noneMatch(m -> m instanceof McpSchema.JSONRPCResponse response
                    && requestId.equals(response.id()));
            McpSchema.CallToolResult probe = client.callTool(McpSchema.CallToolRequest.builder().name("cancellation_probe")
                    .arguments(Map.of()).build());
            @SuppressWarnings("unchecked")
            Map<String, Object> observed = (Map<String, Object>) probe.structuredContent();
            long observedAt = ((Number) observed.get("observedAtMillis")).longValue();
            System.out.println("Java SDK client: cancellation observed " + (observedAt - cancelledAt) + " ms after it was sent");
            assertThat(observedAt - cancelledAt).as("ms from cancel to the handler seeing it").isBetween(-50L, 1000L);
            blocked.cancel(true);
        } finally {
            background.shutdownNow();
            background.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
