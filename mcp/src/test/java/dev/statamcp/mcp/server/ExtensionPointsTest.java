package dev.statamcp.mcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.jsonrpc.Json;
import dev.statamcp.mcp.jsonrpc.McpException;
import dev.statamcp.mcp.session.ClientSession;
import dev.statamcp.mcp.session.McpSession;
import dev.statamcp.mcp.session.MessageChannel;
import dev.statamcp.mcp.session.SessionListener;
import dev.statamcp.mcp.tools.Tool;
import dev.statamcp.mcp.tools.ToolResult;
import dev.statamcp.mcp.jsonrpc.MessageParser;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** What later features (tasks) build on: extra methods and capabilities, tool-call interception, session events. */
class ExtensionPointsTest {
    private final BlockingQueue<ObjectNode> out = new LinkedBlockingQueue<>();
    private final MessageChannel channel = new MessageChannel() {
        @Override
        public void send(ObjectNode message) {
            out.add(message);
        }

        @Override
        public void complete(ObjectNode response) {
            if (response != null) {
                out.add(response);
            }
        }
    };

    private void send(McpServer server, McpSession session, String json) {
        server.handle(session, MessageParser.parse(json).single(), channel);
    }

    private JsonNode next() throws InterruptedException {
        ObjectNode message = out.poll(5, TimeUnit.SECONDS);
        assertThat(message).as("a message within 5 s").isNotNull();
        return message;
    }

    private McpSession initialized(McpServer server) throws InterruptedException {
        McpSession session = server.newSession("s1", channel);
        send(server, session, "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\"}}");
        next();
        return session;
    }

    @Test
    void extraMethodsCapabilitiesAndTaskRouting() throws Exception {
        McpServer server = McpServer.builder()
                .capability("tasks", Json.parse("{\"requests\":{\"tools\":{\"call\":{}}}}"))
                .requestHandler("tasks/get", (params, ctx) -> {
                    if (!"t-1".equals(Json.text(params, "taskId"))) {
                        throw McpException.invalidParams("unknown task");
                    }
                    return Json.object().put("taskId", "t-1").put("status", "working");
                })
                .toolCallInterceptor((call, ctx) -> call.requestsTask()
                        ? Json.parse("{\"task\":{\"taskId\":\"t-1\",\"status\":\"working\"}}") : null)
                .tool(Tool.builder("long").taskSupport("optional").handler((a, c) -> ToolResult.text("direct")).build())
                .build();
        McpSession session = server.newSession("s1", channel);
        send(server, session, "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\"}}");
        JsonNode init = next();
        assertThat(init.at("/result/capabilities/tasks/requests/tools/call").isObject()).isTrue();

        send(server, session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");
        assertThat(next().at("/result/tools/0/execution/taskSupport").asText()).isEqualTo("optional");
        send(server, session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"long\",\"task\":{\"ttl\":60000}}}");
        assertThat(next().at("/result/task/taskId").asText()).isEqualTo("t-1");
        send(server, session, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"long\"}}");
        assertThat(next().at("/result/content/0/text").asText()).isEqualTo("direct");
        send(server, session, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tasks/get\",\"params\":{\"taskId\":\"t-1\"}}");
        assertThat(next().at("/result/status").asText()).isEqualTo("working");
        send(server, session, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tasks/get\",\"params\":{\"taskId\":\"nope\"}}");
        assertThat(next().at("/error/code").asInt()).isEqualTo(-32602);
    }

    @Test
    void closingASessionTellsListenersButCancelsNothing() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean sawCancel = new AtomicBoolean();
        McpServer server = McpServer.builder()
                .sessionListener(new SessionListener() {
                    @Override
                    public void opened(ClientSession session) {
                        events.add("opened " + session.id());
                    }

                    @Override
                    public void closed(ClientSession session) {
                        events.add("closed " + session.id());
                    }
                })
                .tool(Tool.builder("work").handler((a, ctx) -> {
                    ctx.onCancel(() -> sawCancel.set(true));
                    running.countDown();
                    release.await(5, TimeUnit.SECONDS);
                    return ToolResult.text(ctx.session().isOpen() ? "open" : "finished after close");
                }).build())
                .build();
        McpSession session = initialized(server);
        assertThat(server.sessions()).hasSize(1);
        send(server, session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"work\"}}");
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        server.closeSession(session);
        server.closeSession(session);
        assertThat(events).containsExactly("opened s1", "closed s1");
        assertThat(server.sessions()).isEmpty();
        release.countDown();
        assertThat(next().at("/result/content/0/text").asText()).isEqualTo("finished after close");
        assertThat(sawCancel.get()).isFalse();
    }
}
