package dev.statamcp.server.cli;

import dev.statamcp.mcp.server.McpServer;
import dev.statamcp.mcp.transport.stdio.StdioTransport;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Hidden: runs a short stdio session in memory (initialize, list, ping) so that the build can record the classes the
 * stdio start path loads into a class-data-sharing archive ({@code -XX:ArchiveClassesAtExit}).
 */
@Command(name = "cds-training", hidden = true)
final class CdsTrainingCommand implements Callable<Integer> {
    private static final String SESSION = String.join("\n",
            "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"cds\",\"version\":\"1\"}}}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"no/such/method\"}",
            "not json",
            "");

    @Override
    public Integer call() throws Exception {
        OutputStream discard = OutputStream.nullOutputStream();
        LogSetup.override("warn", null); // the build output needs no session log lines
        // A throw-away data folder: the training run must not touch the user's job store.
        java.nio.file.Path data = java.nio.file.Files.createTempDirectory("stata-mcp-cds");
        dev.statamcp.server.config.Settings settings = dev.statamcp.server.config.Settings.load(
                java.util.Map.of(dev.statamcp.server.config.Key.DATA_DIR, data.toString()), java.util.Map.of(), null);
        dev.statamcp.server.app.StataApplication application = new dev.statamcp.server.app.StataApplication(settings);
        McpServer server = ServeCommand.build(application);
        new StdioTransport(server, new ByteArrayInputStream(SESSION.getBytes(StandardCharsets.UTF_8)), discard).run();
        // Wait for the job store the application opens in the background: its classes belong in the archive too,
        // and the JVM must not exit while it is opening.
        application.jobs();
        application.drain(server);
        return 0;
    }
}
