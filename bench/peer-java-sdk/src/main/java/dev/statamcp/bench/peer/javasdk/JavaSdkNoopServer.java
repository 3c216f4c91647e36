package dev.statamcp.bench.peer.javasdk;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.Map;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The benchmark peer on the official Java SDK: one tool, {@code noop}, that answers a fixed short text. Written the
 * way the SDK's documentation shows, with defaults everywhere, so the figures are what a user of the SDK gets.
 *
 * <p>Usage: {@code --stdio} or {@code --http --port N} (binds 127.0.0.1, endpoint {@code /mcp}).
 */
public final class JavaSdkNoopServer {
    /** The text every server in the benchmark answers, so response sizes are equal. */
    static final String ANSWER = "ok";

    private JavaSdkNoopServer() {
    }

    public static void main(String[] args) throws Exception {
        McpJsonMapper json = McpJsonDefaults.getMapper();
        if (args.length >= 1 && args[0].equals("--stdio")) {
            McpServer.sync(new StdioServerTransportProvider(json))
                    .serverInfo("java-sdk-noop", "2.1.0")
                    .capabilities(ServerCapabilities.builder().tools(false).build())
                    .tools(noopTool())
                    .build();
            // The transport reads on its own threads; the process lives until the client closes it.
            Thread.currentThread().join();
        } else if (args.length >= 3 && args[0].equals("--http") && args[1].equals("--port")) {
            serveHttp(json, Integer.parseInt(args[2]));
        } else {
            System.err.println("usage: --stdio | --http --port N");
            System.exit(2);
        }
    }

    private static void serveHttp(McpJsonMapper json, int port) throws Exception {
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(json)
                .mcpEndpoint("/mcp")
                .build();
        McpServer.sync(transport)
                .serverInfo("java-sdk-noop", "2.1.0")
                .capabilities(ServerCapabilities.builder().tools(false).build())
                .tools(noopTool())
                .build();

        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        ServletHolder holder = new ServletHolder(transport);
        holder.setAsyncSupported(true);
        context.addServlet(holder, "/mcp");
        jetty.setHandler(context);
        jetty.start();
        jetty.join();
    }

    private static SyncToolSpecification noopTool() {
        Tool tool = Tool.builder()
                .name("noop")
                .description("Does nothing and answers a fixed short text.")
                .inputSchema(Map.of("type", "object", "properties", Map.of()))
                .build();
        return SyncToolSpecification.builder()
                .tool(tool)
                .callHandler((exchange, request) -> CallToolResult.builder().addTextContent(ANSWER).build())
                .build();
    }
}
