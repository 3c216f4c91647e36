package dev.statamcp.mcp.bench;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;

/**
 * The peer of the start-up benchmark (scripts/measure-startup): a minimal stdio server on the official Java SDK
 * 2.1.0 with one tool, so that the same run measures both and prints their ratio.
 */
public final class JavaSdkStdioPeer {
    private JavaSdkStdioPeer() {
    }

    public static void main(String[] args) throws Exception {
        McpSchema.Tool echo = McpSchema.Tool.builder().name("echo").description("Echoes its text")
                .inputSchema(new McpSchema.JsonSchema("object", Map.of("text", Map.of("type", "string")),
                        List.of("text"), null, null, null))
                .build();
        McpSyncServer server = McpServer.sync(new StdioServerTransportProvider(McpJsonDefaults.getMapper()))
                .serverInfo("java-sdk-peer", "2.1.0")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
                .toolCall(echo, (exchange, request) -> McpSchema.CallToolResult.builder()
                        .addTextContent(String.valueOf(request.arguments().get("text"))).build())
                .build();
        Thread.currentThread().join(); // the transport's threads serve until stdin closes
        server.close();
    }
}
