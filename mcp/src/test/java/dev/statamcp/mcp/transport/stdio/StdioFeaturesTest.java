package dev.statamcp.mcp.transport.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statamcp.mcp.fixture.ConformanceFixture;
import dev.statamcp.mcp.jsonrpc.Json;
import dev.statamcp.mcp.server.McpServer;
import dev.statamcp.mcp.session.ClientSession;
import dev.statamcp.mcp.session.SessionListener;
import dev.statamcp.mcp.tools.Tool;
import dev.statamcp.mcp.tools.ToolResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Lifecycle and server features over stdio. */
class StdioFeaturesTest {

    @Test
    void initializeNegotiatesVersionAndDeclaresWhatIsRegistered() throws Exception {
        try (StdioHarness harness = new StdioHarness(ConformanceFixture.create())) {
            for (String[] pair : new String[][] {{"2024-11-05", "2024-11-05"}, {"2099-01-01", "2025-11-25"}}) {
                try (StdioHarness fresh = new StdioHarness(ConformanceFixture.create())) {
                    fresh.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
                            + pair[0] + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
                    assertThat(fresh.response(1).at("/result/protocolVersion").asText()).isEqualTo(pair[1]);
                }
            }
            harness.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
            JsonNode result = harness.response(1).get("result");
            assertThat(result.get("protocolVersion").asText()).isEqualTo("2025-06-18");
            assertThat(result.at("/serverInfo/name").asText()).isEqualTo("conformance-fixture");
            assertThat(result.at("/serverInfo/title").asText()).isEqualTo("Conformance fixture");
            assertThat(result.get("instructions").asText()).contains("fixture");
            JsonNode caps = result.get("capabilities");
            assertThat(caps.has("tools") && caps.has("resources") && caps.has("prompts") && caps.has("completions")
                    && caps.has("logging")).isTrue();
            assertThat(caps.at("/resources/subscribe").asBoolean()).isTrue();
        }
        McpServer toolsOnly = McpServer.builder().tool(Tool.builder("t").handler((a, c) -> ToolResult.text("x")).build()).build();
        try (StdioHarness harness = new StdioHarness(toolsOnly)) {
            harness.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\"}}");
            JsonNode caps = harness.response(1).at("/result/capabilities");
            assertThat(caps.has("tools")).isTrue();
            assertThat(caps.has("resources") || caps.has("prompts") || caps.has("completions")).isFalse();
            harness.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"prompts/list\"}");
            assertThat(harness.response(2).at("/error/code").asInt()).isEqualTo(-32601);
        }
    }

    @Test
    void progressIsMonotonicAndLogsHonourTheLevel() throws Exception {
        try (StdioHarness harness = new StdioHarness(ConformanceFixture.create())) {
            harness.initialize();
            harness.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"progress_steps\","
                    + "\"arguments\":{\"steps\":4,\"delayMs\":5},\"_meta\":{\"progressToken\":\"tok\"}}}");
            List<JsonNode> seen = new ArrayList<>();
            JsonNode message;
            do {
                message = harness.next();
                seen.add(message);
            } while (!message.has("result"));
            List<Double> progress = seen.stream().filter(m -> "notifications/progress".equals(m.path("method").asText()))
                    .map(m -> m.at("/params/progress").asDouble()).toList();
            assertThat(progress).containsExactly(1.0, 2.0, 3.0, 4.0);
            assertThat(seen.stream().filter(m -> "notifications/progress".equals(m.path("method").asText()))
                    .allMatch(m -> m.at("/params/progressToken").asText().equals("tok") && m.at("/params/total").asInt() == 4)).isTrue();
            assertThat(seen.stream().anyMatch(m -> "notifications/message".equals(m.path("method").asText()))).isTrue();

            harness.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"logging/setLevel\",\"params\":{\"level\":\"error\"}}");
            assertThat(harness.response(2).get("result").isEmpty()).isTrue();
            harness.send("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"test_tool_with_logging\"}}");
            JsonNode next = harness.next();
            assertThat(next.path("id").asInt()).as("no info log passes level error: " + next).isEqualTo(3);
        }
    }

    @Test
    void cancelledCallGetsNoResponseAndHandlerSeesIt() throws Exception {
        CountDownLatch observed = new CountDownLatch(1);
        AtomicBoolean polledCancelled = new AtomicBoolean();
        McpServer server = McpServer.builder().tool(Tool.builder("block").handler((args, ctx) -> {
            ctx.onCancel(observed::countDown);
            while (!ctx.isCancelled()) {
                Thread.sleep(5);
            }
            polledCancelled.set(true);
            return ToolResult.text("too late");
        }).build()).build();
        try (StdioHarness harness = new StdioHarness(server)) {
            harness.initialize();
            harness.send("{\"jsonrpc\":\"2.0\",\"id\":\"c1\",\"method\":\"tools/call\",\"params\":{\"name\":\"block\"}}");
            Thread.sleep(100);
            long sent = System.nanoTime();
            harness.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":\"c1\",\"reason\":\"user\"}}");
            assertThat(observed.await(1, TimeUnit.SECONDS)).isTrue();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent)).isLessThan(1000);
            harness.send("{\"jsonrpc\":\"2.0\",\"id\":\"after\",\"method\":\"ping\"}");
            JsonNode next = harness.next();
            assertThat(next.get("id").asText()).isEqualTo("after");
            assertThat(harness.poll(300)).as("no response for the cancelled call").isNull();
            assertThat(polledCancelled.get()).isTrue();
        }
    }

    @Test
    void serverToClientRequestsAreAnswered() throws Exception {
        try (StdioHarness harness = new StdioHarness(ConformanceFixture.create())) {
            harness.send("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                    + "\"capabilities\":{\"elicitation\":{}},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
            harness.response(0);
            harness.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"test_elicitation\","
                    + "\"arguments\":{\"message\":\"who?\"}}}");
            JsonNode request = harness.next();
            assertThat(request.get("method").asText()).isEqualTo("elicitation/create");
            assertThat(request.at("/params/message").asText()).isEqualTo("who?");
            harness.send("{\"jsonrpc\":\"2.0\",\"id\":" + request.get("id") + ",\"result\":{\"action\":\"accept\","
                    + "\"content\":{\"username\":\"ann\",\"email\":\"a@b\"}}}");
            JsonNode result = harness.response(1);
            assertThat(result.at("/result/content/0/text").asText()).contains("accept").contains("ann");
        }
    }

    @Test
    void handlerCanListTheClientsRoots() throws Exception {
        McpServer server = McpServer.builder().tool(Tool.builder("roots").handler((args, ctx) ->
                ToolResult.text(ctx.listRoots().get(5, TimeUnit.SECONDS).get("roots").get(0).get("uri").asText()))
                .build()).build();
        try (StdioHarness harness = new StdioHarness(server)) {
            harness.send("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                    + "\"capabilities\":{\"roots\":{}},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
            harness.response(0);
            harness.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"roots\"}}");
            JsonNode request = harness.next();
            assertThat(request.get("method").asText()).isEqualTo("roots/list");
            harness.send("{\"jsonrpc\":\"2.0\",\"id\":" + request.get("id") + ",\"result\":{\"roots\":[{\"uri\":\"file:///data\"}]}}");
            assertThat(harness.response(1).at("/result/content/0/text").asText()).isEqualTo("file:///data");
        }
    }

    @Test
    void clientErrorToAServerRequestReachesTheHandler() throws Exception {
        McpServer server = McpServer.builder().tool(Tool.builder("ask").handler((args, ctx) -> {
            try {
                ctx.elicit(Json.object().put("message", "?")).get(5, TimeUnit.SECONDS);
                return ToolResult.text("answered");
            } catch (java.util.concurrent.ExecutionException e) {
                return ToolResult.error("client refused: " + e.getCause().getMessage());
            }
        }).build()).build();
        try (StdioHarness harness = new StdioHarness(server)) {
            harness.initialize();
            harness.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"ask\"}}");
            JsonNode request = harness.next();
            harness.send("{\"jsonrpc\":\"2.0\",\"id\":" + request.get("id") + ",\"error\":{\"code\":-1,\"message\":\"no UI\"}}");
            assertThat(harness.response(1).at("/result/content/0/text").asText()).isEqualTo("client refused: no UI");
        }
    }

    @Test
    void endOfInputRunsTheDrainHookWhileResultsStillFlow() throws Exception {
        List<String> events = new ArrayList<>();
        SessionListener listener = new SessionListener() {
            @Override
            public void closed(ClientSession session) {
                events.add("closed " + session.id());
            }
        };
        CountDownLatch release = new CountDownLatch(1);
        McpServer server = McpServer.builder().sessionListener(listener).tool(Tool.builder("slow").handler((args, ctx) -> {
            release.await(10, TimeUnit.SECONDS);
            return ToolResult.text("finished after EOF");
        }).build()).build();
        CountDownLatch drainStarted = new CountDownLatch(1);
        StdioHarness harness = new StdioHarness(server, () -> {
            drainStarted.countDown();
            try {
                Thread.sleep(200);
                release.countDown();
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        harness.initialize();
        harness.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"slow\"}}");
        harness.closeInput();
        assertThat(drainStarted.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(events).isEmpty();
        assertThat(harness.response(1).at("/result/content/0/text").asText()).isEqualTo("finished after EOF");
        harness.join(5000);
        assertThat(harness.loopAlive()).isFalse();
        assertThat(events).containsExactly("closed stdio");
    }

    @Test
    void paginationAndListChanged() throws Exception {
        McpServer.Builder builder = McpServer.builder().pageSize(2);
        for (int i = 0; i < 5; i++) {
            builder.tool(Tool.builder("t" + i).handler((a, c) -> ToolResult.text("x")).build());
        }
        McpServer server = builder.build();
        try (StdioHarness harness = new StdioHarness(server)) {
            harness.initialize();
            List<String> names = new ArrayList<>();
            String cursor = null;
            int id = 1;
            do {
                harness.send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/list\",\"params\":{"
                        + (cursor == null ? "" : "\"cursor\":\"" + cursor + "\"") + "}}");
                JsonNode result = harness.response(id++).get("result");
                result.get("tools").forEach(t -> names.add(t.get("name").asText()));
                cursor = result.has("nextCursor") ? result.get("nextCursor").asText() : null;
            } while (cursor != null);
            assertThat(names).containsExactly("t0", "t1", "t2", "t3", "t4");
            harness.send("{\"jsonrpc\":\"2.0\",\"id\":50,\"method\":\"tools/list\",\"params\":{\"cursor\":\"bogus!\"}}");
            assertThat(harness.response(50).at("/error/code").asInt()).isEqualTo(-32602);

            server.tools().add(Tool.builder("late").handler((a, c) -> ToolResult.text("x")).build());
            assertThat(harness.next().get("method").asText()).isEqualTo("notifications/tools/list_changed");
        }
    }

    @Test
    void resourcesReadSubscribeAndUpdate() throws Exception {
        McpServer server = ConformanceFixture.create();
        try (StdioHarness harness = new StdioHarness(server)) {
            harness.initialize();
            harness.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/read\",\"params\":{\"uri\":\"test://template/42/data\"}}");
            assertThat(harness.response(1).at("/result/contents/0/text").asText()).contains("\"id\":\"42\"");
            harness.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"resources/read\",\"params\":{\"uri\":\"test://missing\"}}");
            assertThat(harness.response(2).at("/error/code").asInt()).isEqualTo(-32002);
            server.notifyResourceUpdated("test://watched-resource");
            harness.send("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"resources/subscribe\",\"params\":{\"uri\":\"test://watched-resource\"}}");
            assertThat(harness.response(3).has("result")).as("no update before subscribing").isTrue();
            server.notifyResourceUpdated("test://watched-resource");
            JsonNode update = harness.next();
            assertThat(update.get("method").asText()).isEqualTo("notifications/resources/updated");
            assertThat(update.at("/params/uri").asText()).isEqualTo("test://watched-resource");
            harness.send("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"resources/unsubscribe\",\"params\":{\"uri\":\"test://watched-resource\"}}");
            harness.response(4);
            server.notifyResourceUpdated("test://watched-resource");
            assertThat(harness.poll(200)).isNull();
        }
    }

    @Test
    void toolFailureIsAnErrorResultAndStructuredOutputIsChecked() throws Exception {
        McpServer server = McpServer.builder()
                .tool(Tool.builder("boom").handler((a, c) -> {
                    throw new IllegalStateException("disk full");
                }).build())
                .tool(Tool.builder("typed").outputSchema("{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"}},\"required\":[\"n\"]}")
                        .handler((a, c) -> ToolResult.structured(Json.object().put("n", "not a number"))).build())
                .build();
        try (StdioHarness harness = new StdioHarness(server)) {
            harness.initialize();
            harness.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"boom\"}}");
            JsonNode boom = harness.response(1).get("result");
            assertThat(boom.get("isError").asBoolean()).isTrue();
            assertThat(boom.at("/content/0/text").asText()).contains("disk full");
            harness.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"typed\"}}");
            JsonNode typed = harness.response(2).get("result");
            assertThat(typed.get("isError").asBoolean()).isTrue();
            assertThat(typed.at("/content/0/text").asText()).contains("outputSchema");
        }
    }
}
