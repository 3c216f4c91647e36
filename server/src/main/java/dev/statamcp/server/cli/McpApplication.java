package dev.statamcp.server.cli;

import dev.statamcp.mcp.server.McpServer;
import dev.statamcp.mcp.transport.http.HttpServerHost;

/**
 * What {@code stata-mcp serve} serves. The application registers its tools, resources and prompts, may mount more
 * HTTP handlers (REST API, dashboard) beside {@code /mcp}, and drains its running work at shutdown. The server's is
 * {@link dev.statamcp.server.app.StataApplication}.
 */
public interface McpApplication {

    /** Registers tools, resources, prompts, completion providers, extra methods and session listeners. */
    void register(McpServer.Builder builder);

    /** Called once the server is built, before the transport starts. */
    default void started(McpServer server) {
    }

    /** HTTP mode only: mount further handlers; they sit behind the same Host, Origin and token checks. */
    default void mountHttp(HttpServerHost host) {
    }

    /**
     * Called when the client goes away (stdio end of input) or the process is asked to stop. May block while running
     * work is drained; the transport keeps delivering results and notifications meanwhile.
     */
    default void drain(McpServer server) {
    }
}
