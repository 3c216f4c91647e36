package dev.statamcp.bench.ours;

import dev.statamcp.mcp.server.McpServer;
import dev.statamcp.mcp.tools.Tool;
import dev.statamcp.mcp.tools.ToolResult;
import dev.statamcp.mcp.transport.http.HttpServerHost;
import dev.statamcp.mcp.transport.http.McpHttpHandler;
import dev.statamcp.mcp.transport.stdio.StdioTransport;
import java.util.concurrent.Executors;

/**
 * Our side of the protocol comparison: the same single no-op tool as the peers, on this project's {@code mcp} module
 * with its defaults, so the figures compare protocol layers like for like.
 *
 * <p>Usage: {@code --stdio} or {@code --http --port N} (binds 127.0.0.1, endpoint {@code /mcp}).
 */
public final class OursNoopServer {
    /** The text every server in the benchmark answers, so response sizes are equal. */
    static final String ANSWER = "ok";

    private OursNoopServer() {
    }

    public static McpServer server() {
        McpServer.Builder builder = McpServer.builder()
                .serverInfo("ours-noop", null, "0.1.0")
                .tool(Tool.builder("noop")
                        .description("Does nothing and answers a fixed short text.")
                        .handler((arguments, context) -> ToolResult.text(ANSWER))
                        .build());
        // The figures use the module's default executor. For experiments only: -Dbench.executor=cached runs
        // handlers on a cached thread pool instead (threads reused, still never queued behind one another).
        if ("cached".equals(System.getProperty("bench.executor"))) {
            builder.executor(Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "noop-call");
                thread.setDaemon(true);
                return thread;
            }));
        }
        return builder.build();
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 1 && args[0].equals("--stdio")) {
            StdioTransport.onSystemStreams(server()).run();
            System.exit(0);
        } else if (args.length >= 3 && args[0].equals("--http") && args[1].equals("--port")) {
            HttpServerHost host = new HttpServerHost(HttpServerHost.Config.loopback(Integer.parseInt(args[2])));
            host.addHandler(new McpHttpHandler(server(), McpHttpHandler.Options.defaults()));
            host.start();
            host.join();
        } else {
            System.err.println("usage: --stdio | --http --port N");
            System.exit(2);
        }
    }
}
