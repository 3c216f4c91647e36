package dev.statamcp.server.it;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The packaged server ({@code bin/stata-mcp}) on the emulator, as an MCP client launches it, with a data directory
 * of the test's own; and official Java SDK clients for it.
 */
final class ServerFixture {
    static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    static final Path LAUNCHER = ROOT.resolve("bin/stata-mcp");
    static final Path EMULATOR = ROOT.resolve("fakestata/bin/stata-mp");

    private final Path dataDir;
    private final List<String> flags = new ArrayList<>();
    private final Map<String, String> env = new HashMap<>();

    ServerFixture(Path dataDir) {
        this.dataDir = dataDir;
        env.put("STATA_PATH", EMULATOR.toString());
        env.put("STATA_MCP_DATA_DIR", dataDir.toString());
        env.put("STATA_MCP_LOG_LEVEL", "info");
    }

    ServerFixture flag(String... more) {
        flags.addAll(List.of(more));
        return this;
    }

    ServerFixture env(String key, String value) {
        env.put(key, value);
        return this;
    }

    Path dataDir() {
        return dataDir;
    }

    /** The command line of a stdio server. */
    List<String> command() {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString(), "serve"));
        command.addAll(flags);
        return command;
    }

    Map<String, String> environment() {
        return Map.copyOf(env);
    }

    McpClientTransport stdioTransport() {
        if (!Files.isExecutable(LAUNCHER) || !Files.isRegularFile(ROOT.resolve("server/target/stata-mcp.jar"))) {
            throw new IllegalStateException("the packaged server is missing: run mvn -B -ntp verify from " + ROOT);
        }
        ServerParameters parameters = ServerParameters.builder(LAUNCHER.toString())
                .args(command().subList(1, command().size())).env(environment()).build();
        return new StdioClientTransport(parameters, McpJsonDefaults.getMapper());
    }

    /** A client over stdio with generous timeouts (the machine is shared). */
    McpSyncClient client(Consumer<McpSchema.ProgressNotification> progress,
                         Consumer<McpSchema.LoggingMessageNotification> logs) {
        return client(stdioTransport(), progress, logs);
    }

    static McpSyncClient client(McpClientTransport transport, Consumer<McpSchema.ProgressNotification> progress,
                                Consumer<McpSchema.LoggingMessageNotification> logs) {
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(120))
                .initializationTimeout(Duration.ofSeconds(60))
                .progressConsumer(progress == null ? p -> { } : progress)
                .loggingConsumer(logs == null ? l -> { } : logs).build();
        client.initialize();
        return client;
    }
}
