package dev.statamcp.mcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statamcp.mcp.fixture.ConformanceFixture;
import dev.statamcp.mcp.fixture.FixtureMain.FixtureHttpServer;
import dev.statamcp.mcp.jsonrpc.Json;
import dev.statamcp.mcp.server.McpServer;
import dev.statamcp.mcp.session.ClientSession;
import dev.statamcp.mcp.session.SessionListener;
import dev.statamcp.mcp.tools.Tool;
import dev.statamcp.mcp.tools.ToolResult;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

/** Streamable HTTP behaviour: statuses, headers, sessions, security checks, concurrency. */
class HttpTransportTest {
    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";

    @Test
    void sessionLifecycleAndStatusCodes() throws Exception {
        List<String> closed = new CopyOnWriteArrayList<>();
        McpServer server = ConformanceFixture.builder().sessionListener(new SessionListener() {
            @Override
            public void closed(ClientSession session) {
                closed.add(session.id());
            }
        }).build();
        try (FixtureHttpServer fixture = FixtureHttpServer.start(server, 0)) {
            RawHttpClient client = new RawHttpClient(fixture.url());
            assertThat(client.post(PING, Map.of()).statusCode()).as("no session header").isEqualTo(400);
            assertThat(client.post(PING, Map.of("Mcp-Session-Id", "nope")).statusCode()).isEqualTo(404);
            JsonNode init = client.initialize("2025-06-18");
            assertThat(init.get("protocolVersion").asText()).isEqualTo("2025-06-18");
            assertThat(client.sessionId).matches("[0-9a-f]{32}");

            HttpResponse<String> pong = client.post(PING, Map.of("MCP-Protocol-Version", "2025-06-18"));
            assertThat(pong.statusCode()).isEqualTo(200);
            assertThat(pong.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            assertThat(Json.parse(pong.body()).get("result").isObject()).isTrue();

            assertThat(client.post(PING, Map.of("MCP-Protocol-Version", "1999-01-01")).statusCode()).isEqualTo(400);
            assertThat(client.post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":", Map.of()).statusCode()).isEqualTo(400);
            HttpResponse<String> unknown = client.post("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"no/such\"}", Map.of());
            assertThat(Json.parse(unknown.body()).at("/error/code").asInt()).isEqualTo(-32601);
            assertThat(client.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/roots/list_changed\"}", Map.of()).statusCode())
                    .isEqualTo(202);
            assertThat(client.post(PING, Map.of("Content-Type", "text/plain")).statusCode()).isEqualTo(415);
            String big = "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\",\"params\":{\"x\":\"" + "y".repeat(5 * 1024 * 1024) + "\"}}";
            assertThat(client.post(big, Map.of()).statusCode()).isEqualTo(413);
            byte[] notUtf8 = "{\"jsonrpc\":\"2.0\",\"id\":\"a?b\",\"method\":\"ping\"}"
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            notUtf8[24] = (byte) 0xFF; // the ? of the id
            HttpResponse<String> refused = client.postBytes(notUtf8);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("-32700").contains("not valid UTF-8");
            assertThat(client.post(PING, Map.of()).statusCode()).as("still answering after errors").isEqualTo(200);

            String sessionId = client.sessionId;
            assertThat(client.delete().statusCode()).isEqualTo(200);
            assertThat(closed).containsExactly(sessionId);
            assertThat(client.post(PING, Map.of()).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void standaloneStreamCarriesListChangedAndResourceUpdates() throws Exception {
        McpServer server = ConformanceFixture.create();
        try (FixtureHttpServer fixture = FixtureHttpServer.start(server, 0)) {
            RawHttpClient client = new RawHttpClient(fixture.url());
            client.initialize("2025-11-25");
            client.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/subscribe\",\"params\":{\"uri\":\"test://watched-resource\"}}", Map.of());
            HttpResponse<InputStream> stream = client.get(Map.of());
            assertThat(stream.statusCode()).isEqualTo(200);
            try (RawHttpClient.EventReader reader = new RawHttpClient.EventReader(stream.body())) {
                server.tools().add(Tool.builder("added").handler((a, c) -> ToolResult.text("x")).build());
                server.notifyResourceUpdated("test://watched-resource");
                assertThat(reader.nextMessage().json().get("method").asText()).isEqualTo("notifications/tools/list_changed");
                JsonNode updated = reader.nextMessage().json();
                assertThat(updated.get("method").asText()).isEqualTo("notifications/resources/updated");
                assertThat(updated.at("/params/uri").asText()).isEqualTo("test://watched-resource");
            }
        }
    }

    @Test
    void hostOriginAndTokenChecksApplyToEveryPath() throws Exception {
        McpServer server = ConformanceFixture.create();
        try (HttpServerHost host = new HttpServerHost(HttpServerHost.Config.loopback(0).withToken("s3cret"))) {
            host.addHandler(new McpHttpHandler(server));
            host.addHandler(new Handler.Abstract() {
                @Override
                public boolean handle(Request request, Response response, Callback callback) {
                    response.setStatus(200);
                    response.write(true, java.nio.ByteBuffer.wrap("api ok".getBytes()), callback);
                    return true;
                }
            });
            host.start();
            URI mcp = URI.create(host.baseUri() + "/mcp");
            URI api = URI.create(host.baseUri() + "/api/jobs");
            String init = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\"}}";
            assertThat(status(mcp, init, Map.of())).as("no token").isEqualTo(401);
            assertThat(status(api, null, Map.of())).as("other paths need the token too").isEqualTo(401);
            assertThat(status(mcp, init, Map.of("Authorization", "Bearer wrong"))).isEqualTo(401);
            assertThat(status(mcp, init, Map.of("Authorization", "Bearer s3cret"))).isEqualTo(200);
            assertThat(status(api, null, Map.of("Authorization", "Bearer s3cret"))).isEqualTo(200);
            assertThat(status(api, null, Map.of("Authorization", "Bearer s3cret", "Origin", "http://evil.example.com")))
                    .isEqualTo(403);
            assertThat(status(api, null, Map.of("Authorization", "Bearer s3cret", "Origin", "http://localhost:3000")))
                    .isEqualTo(200);
        }
        assertThat(RequestGuard.hostName("[::1]:8080")).isEqualTo("::1");
        assertThat(RequestGuard.hostName("LocalHost:80")).isEqualTo("localhost");
        assertThat(RequestGuard.hostName("evil.example.com")).isEqualTo("evil.example.com");
    }

    @Test
    void foreignHostHeaderIsMisdirected() throws Exception {
        try (FixtureHttpServer fixture = FixtureHttpServer.start(ConformanceFixture.create(), 0)) {
            int port = fixture.host().port();
            assertThat(rawStatus(port, "evil.example.com")).as("DNS rebinding").isEqualTo(421);
            assertThat(rawStatus(port, "evil.example.com:" + port)).isEqualTo(421);
            assertThat(rawStatus(port, "localhost:" + port)).isEqualTo(200);
            assertThat(rawStatus(port, "127.0.0.1:" + port)).isEqualTo(200);
        }
    }

    /** Sends an initialize with a chosen Host header over a plain socket (java.net.http refuses to set Host). */
    private static int rawStatus(int port, String hostHeader) throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\"}}";
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            String request = "POST /mcp HTTP/1.1\r\nHost: " + hostHeader + "\r\nContent-Type: application/json\r\n"
                    + "Accept: application/json, text/event-stream\r\nContent-Length: " + body.length()
                    + "\r\nConnection: close\r\n\r\n" + body;
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    @Test
    void nonLoopbackBindWithoutTokenIsRefused() {
        assertThatThrownBy(() -> new HttpServerHost(new HttpServerHost.Config("0.0.0.0", 0, null, List.of(), List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without a token");
        assertThat(HttpServerHost.isLoopback("127.0.0.1")).isTrue();
        assertThat(HttpServerHost.isLoopback("::1")).isTrue();
    }

    @Test
    void manyConcurrentSessionsEachGetTheirOwnProgress() throws Exception {
        try (FixtureHttpServer fixture = FixtureHttpServer.start(ConformanceFixture.create(), 0)) {
            ExecutorService pool = Executors.newFixedThreadPool(20);
            List<Future<List<String>>> results = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String token = "tok-" + i;
                results.add(pool.submit(() -> {
                    RawHttpClient client = new RawHttpClient(fixture.url());
                    client.initialize("2025-11-25");
                    HttpResponse<InputStream> post = client.postStream("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
                            + "\"params\":{\"name\":\"progress_steps\",\"arguments\":{\"steps\":5,\"delayMs\":20},"
                            + "\"_meta\":{\"progressToken\":\"" + token + "\"}}}");
                    List<String> tokens = new ArrayList<>();
                    try (RawHttpClient.EventReader reader = new RawHttpClient.EventReader(post.body())) {
                        RawHttpClient.Event event;
                        while ((event = reader.nextMessage()) != null) {
                            JsonNode message = event.json();
                            if ("notifications/progress".equals(message.path("method").asText())) {
                                tokens.add(message.at("/params/progressToken").asText());
                            }
                        }
                    }
                    client.delete();
                    return tokens;
                }));
            }
            for (int i = 0; i < 20; i++) {
                assertThat(results.get(i).get()).hasSize(5).containsOnly("tok-" + i);
            }
            pool.shutdown();
            assertThat(fixture.handler().sessionCount()).isZero();
        }
    }

    private static int status(URI uri, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                .header("Accept", "application/json, text/event-stream");
        if (body != null) {
            builder.POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        }
        headers.forEach(builder::header);
        return RawHttpClient.HTTP.send(builder.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
