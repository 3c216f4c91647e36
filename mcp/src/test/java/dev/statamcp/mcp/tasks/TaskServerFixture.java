package dev.statamcp.mcp.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statamcp.mcp.server.McpServer;
import dev.statamcp.mcp.tools.Tool;
import dev.statamcp.mcp.tools.ToolResult;
import dev.statamcp.mcp.transport.stdio.StdioHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A server with the tasks feature over a steered backend, reached through the stdio harness. */
final class TaskServerFixture implements AutoCloseable {
    final FakeTaskBackend backend = new FakeTaskBackend();
    final StdioHarness client;
    private int nextId = 100;

    TaskServerFixture() throws Exception {
        McpServer.Builder builder = McpServer.builder().serverInfo("tasks-test", null, "1");
        backend.feature = new TasksFeature(backend, new TasksFeature.Settings(2, Duration.ofSeconds(5)));
        backend.feature.install(builder);
        builder.tool(Tool.builder("long").taskSupport("optional").handler((a, c) -> ToolResult.text("ran directly")).build());
        builder.tool(Tool.builder("plain").handler((a, c) -> ToolResult.text("plain ran")).build());
        builder.tool(Tool.builder("forbidden").taskSupport("forbidden").handler((a, c) -> ToolResult.text("forbidden ran")).build());
        builder.tool(Tool.builder("must").taskSupport("required").handler((a, c) -> ToolResult.text("must ran")).build());
        client = new StdioHarness(builder.build());
    }

    /** Sends a request with a fresh id and returns its response. */
    JsonNode call(String method, String paramsJson) throws Exception {
        int id = send(method, paramsJson);
        return client.response(id);
    }

    int send(String method, String paramsJson) throws Exception {
        int id = nextId++;
        client.send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + paramsJson + "}");
        return id;
    }

    /** Every line the server writes within {@code millis}. */
    List<JsonNode> drain(long millis) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < deadline) {
            String line = client.poll(50);
            if (line != null) {
                lines.add(dev.statamcp.mcp.jsonrpc.Json.parse(line));
            }
        }
        return lines;
    }

    /** Lines the server writes until one matches each filter (any order); fails after 5 s. */
    @SafeVarargs
    final List<JsonNode> awaitEach(java.util.function.Predicate<JsonNode>... filters) throws Exception {
        List<JsonNode> found = new ArrayList<>(java.util.Collections.nCopies(filters.length, (JsonNode) null));
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (found.contains(null) && System.nanoTime() < deadline) {
            String line = client.poll(50);
            if (line == null) {
                continue;
            }
            JsonNode message = dev.statamcp.mcp.jsonrpc.Json.parse(line);
            for (int i = 0; i < filters.length; i++) {
                if (found.get(i) == null && filters[i].test(message)) {
                    found.set(i, message);
                    break;
                }
            }
        }
        if (found.contains(null)) {
            throw new AssertionError("not every expected message arrived within 5 s: " + found);
        }
        return found;
    }

    @Override
    public void close() throws Exception {
        client.close();
    }
}
