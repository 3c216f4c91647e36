package dev.statamcp.mcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.statamcp.mcp.fixture.ConformanceFixture;
import dev.statamcp.mcp.fixture.FixtureMain.FixtureHttpServer;
import dev.statamcp.mcp.jsonrpc.Json;
import dev.statamcp.mcp.server.McpServer;
import dev.statamcp.mcp.session.ClientSession;
import dev.statamcp.mcp.session.SessionListener;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Answer modes, keep-alives and session expiry of the Streamable HTTP transport. */
class HttpStreamsTest {
    private static final McpHttpHandler.Options QUICK = new McpHttpHandler.Options("/mcp", 1000, 300,
            Duration.ofMillis(300), Duration.ofMillis(100), Duration.ofMillis(200));

    @Test
    void slowAnswerTurnsIntoAnEventStreamWithPrimingEvent() throws Exception {
        McpServer server = ConformanceFixture.builder().requestHandler("slow/echo", (params, ctx) -> {
            Thread.sleep(700);
            return params;
        }).build();
        try (FixtureHttpServer fixture = FixtureHttpServer.start(server, 0, QUICK)) {
            RawHttpClient client = new RawHttpClient(fixture.url());
            client.initialize("2025-11-25");
            HttpResponse<InputStream> response = client.postStream(
                    "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"slow/echo\",\"params\":{\"x\":1}}");
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            try (RawHttpClient.EventReader reader = new RawHttpClient.EventReader(response.body())) {
                RawHttpClient.Event priming = reader.next();
                assertThat(priming.data()).isBlank();
                assertThat(priming.id()).endsWith("_0");
                RawHttpClient.Event answer = reader.nextMessage();
                assertThat(answer.json().at("/result/x").asInt()).isEqualTo(1);
                assertThat(reader.next()).as("the stream ends after the answer").isNull();
            }
            HttpResponse<String> quick = client.post("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"ping\"}", Map.of());
            assertThat(quick.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        }
    }

    /** One timer serves every POST's JSON window: quick answers before a slow one must not make it miss its upgrade. */
    @Test
    void aSlowAnswerAfterManyQuickOnesStillTurnsIntoAnEventStream() throws Exception {
        McpServer server = ConformanceFixture.builder().requestHandler("sleep", (params, ctx) -> {
            Thread.sleep(params.path("ms").asLong());
            return params;
        }).build();
        try (FixtureHttpServer fixture = FixtureHttpServer.start(server, 0, QUICK)) {
            RawHttpClient client = new RawHttpClient(fixture.url());
            client.initialize("2025-11-25");
            for (int round = 0; round < 2; round++) { // the second round finds the timer already armed or asleep
                long quickUntil = System.nanoTime() + Duration.ofMillis(150).toNanos(); // within QUICK's 200 ms window
                int id = 100 * round;
                while (System.nanoTime() < quickUntil) {
                    HttpResponse<String> quick = client.post("{\"jsonrpc\":\"2.0\",\"id\":" + ++id
                            + ",\"method\":\"sleep\",\"params\":{\"ms\":1}}", Map.of());
                    assertThat(quick.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
                }
                HttpResponse<InputStream> slow = client.postStream(
                        "{\"jsonrpc\":\"2.0\",\"id\":" + ++id + ",\"method\":\"sleep\",\"params\":{\"ms\":700}}");
                assertThat(slow.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
                try (RawHttpClient.EventReader reader = new RawHttpClient.EventReader(slow.body())) {
                    assertThat(reader.nextMessage().json().at("/result/ms").asInt()).isEqualTo(700);
                }
            }
        }
    }

    @Test
    void aClientThatStopsReadingNeverBlocksTheHandler() throws Exception {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        String chunk = "x".repeat(8 * 1024);
        McpServer server = ConformanceFixture.builder().tool(dev.statamcp.mcp.tools.Tool.builder("flood").handler((a, ctx) -> {
            for (int i = 0; i < 2000; i++) { // 16 MB of log messages, far more than socket buffers hold
                ctx.log(dev.statamcp.mcp.session.LogLevel.INFO, "flood", chunk);
            }
            done.countDown();
            return dev.statamcp.mcp.tools.ToolResult.text("flooded");
        }).build()).build();
        try (FixtureHttpServer fixture = FixtureHttpServer.start(server, 0, QUICK)) {
            RawHttpClient client = new RawHttpClient(fixture.url());
            client.initialize("2025-11-25");
            HttpResponse<InputStream> response = client.postStream(
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"flood\"}}");
            try (InputStream unread = response.body()) {
                assertThat(done.await(20, java.util.concurrent.TimeUnit.SECONDS))
                        .as("the handler finished although nobody reads its stream").isTrue();
            }
        }
    }

    @Test
    void idleStreamsGetKeepAlivesAndIdleSessionsExpire() throws Exception {
        List<String> closed = new CopyOnWriteArrayList<>();
        McpServer server = ConformanceFixture.builder().sessionListener(new SessionListener() {
            @Override
            public void closed(ClientSession session) {
                closed.add(session.id());
            }
        }).build();
        try (FixtureHttpServer fixture = FixtureHttpServer.start(server, 0, QUICK)) {
            RawHttpClient watcher = new RawHttpClient(fixture.url());
            watcher.initialize("2025-11-25");
            HttpResponse<InputStream> stream = watcher.get(Map.of());
            byte[] buffer = new byte[4096];
            StringBuilder seen = new StringBuilder();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            try (InputStream body = stream.body()) {
                while (!seen.toString().contains(": keepalive") && System.nanoTime() < deadline) {
                    int n = body.read(buffer);
                    if (n < 0) {
                        break;
                    }
                    seen.append(new String(buffer, 0, n));
                }
                assertThat(seen.toString()).contains(": keepalive");
                Thread.sleep(600);
                assertThat(closed).as("a session with an open stream does not expire").doesNotContain(watcher.sessionId);
            }

            RawHttpClient idle = new RawHttpClient(fixture.url());
            idle.initialize("2025-11-25");
            await().atMost(Duration.ofSeconds(5)).until(() -> closed.contains(idle.sessionId));
            HttpResponse<String> after = idle.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", Map.of());
            assertThat(after.statusCode()).isEqualTo(404);
            assertThat(Json.parse(after.body()).at("/error/message").asText()).contains("initialize a new session");
        }
    }
}
