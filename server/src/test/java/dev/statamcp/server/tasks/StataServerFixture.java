package dev.statamcp.server.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statamcp.mcp.jsonrpc.Json;
import dev.statamcp.mcp.server.McpServer;
import dev.statamcp.mcp.transport.stdio.StdioHarness;
import dev.statamcp.server.app.StataApplication;
import dev.statamcp.server.config.Key;
import dev.statamcp.server.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The whole application (tools, jobs, tasks) on the emulator with its own data folder, as {@code serve} builds it;
 * reached over stdio through the harness, or handed to an HTTP host by the test.
 */
final class StataServerFixture implements AutoCloseable {
    final StataApplication application;
    final McpServer server;
    private StdioHarness client;
    private int nextId = 100;

    StataServerFixture(Path dataDir) {
        Map<Key, String> flags = new EnumMap<>(Key.class);
        flags.put(Key.STATA_PATH, emulator().toString());
        flags.put(Key.DATA_DIR, dataDir.toString());
        flags.put(Key.WORKSPACE, dataDir.toString());
        flags.put(Key.DRAIN_SECONDS, "5");
        Settings settings = Settings.load(flags, Map.of(), null);
        application = new StataApplication(settings);
        McpServer.Builder builder = McpServer.builder().serverInfo("stata-mcp", "Stata MCP", "test").enableTools();
        application.register(builder);
        server = builder.build();
        application.started(server);
    }

    /** {@code <repo>/fakestata/bin/stata-mp}; a missing build fails with the command that builds it. */
    static Path emulator() {
        String root = System.getProperty("project.root");
        Path repo = root != null && Files.isDirectory(Path.of(root, "fakestata")) ? Path.of(root)
                : Path.of("").toAbsolutePath().getParent();
        Path bin = repo.resolve("fakestata/bin/stata-mp");
        if (!Files.isRegularFile(repo.resolve("fakestata/target/fakestata.jar"))) {
            throw new IllegalStateException("The emulator is not built: run `mvn -B -ntp -q -pl fakestata package"
                    + " -DskipTests` first.");
        }
        return bin;
    }

    StdioHarness stdio(String capabilities) throws Exception {
        client = new StdioHarness(server, () -> application.drain(server));
        client.initialize("2025-11-25", capabilities);
        return client;
    }

    JsonNode call(String method, String paramsJson) throws Exception {
        int id = send(method, paramsJson);
        return client.response(id);
    }

    int send(String method, String paramsJson) throws Exception {
        int id = nextId++;
        client.send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + paramsJson + "}");
        return id;
    }

    /** Calls a tool synchronously and returns its result object. */
    JsonNode tool(String name, String argumentsJson) throws Exception {
        JsonNode answer = call("tools/call", "{\"name\":\"" + name + "\",\"arguments\":" + argumentsJson + "}");
        if (!answer.has("result")) {
            throw new AssertionError(name + " answered " + answer);
        }
        return answer.get("result");
    }

    /** The next message matching {@code filter} (others are dropped); fails after 5 s. */
    JsonNode next(Predicate<JsonNode> filter) throws Exception {
        return client.next(filter);
    }

    static String quote(String text) {
        return Json.write(Json.toTree(text));
    }

    @Override
    public void close() throws Exception {
        if (client != null) {
            client.close();
        } else {
            application.drain(server);
        }
        server.shutdownNow();
    }
}
