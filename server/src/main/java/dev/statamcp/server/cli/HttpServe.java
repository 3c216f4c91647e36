package dev.statamcp.server.cli;

import dev.statamcp.mcp.server.McpServer;
import dev.statamcp.mcp.transport.http.HttpServerHost;
import dev.statamcp.mcp.transport.http.McpHttpHandler;
import dev.statamcp.server.app.StataApplication;
import dev.statamcp.server.cli.jobs.ServerRegistry;
import dev.statamcp.server.config.Key;
import java.io.IOException;
import java.util.List;

/** The HTTP mode of {@code serve}: Jetty is only loaded from here. */
final class HttpServe {
    private HttpServe() {
    }

    record Settings(String host, int port, String token, List<String> allowedHosts, List<String> allowedOrigins) {
    }

    static int run(McpServer server, McpApplication application, Settings settings) throws Exception {
        HttpServerHost host = new HttpServerHost(new HttpServerHost.Config(settings.host(), settings.port(),
                settings.token() == null || settings.token().isBlank() ? null : settings.token(),
                settings.allowedHosts(), settings.allowedOrigins()));
        McpHttpHandler handler = new McpHttpHandler(server);
        host.addHandler(handler);
        application.mountHttp(host);
        try {
            host.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + settings.host() + ":" + settings.port() + " ("
                    + e.getMessage() + "); choose another address or --port", e);
        }
        Runnable unannounce = announce(application, host);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            unannounce.run();
            application.drain(server);
            try {
                host.close();
            } catch (Exception ignored) {
                // the process is ending anyway
            }
        }, "stata-mcp-shutdown"));
        System.err.println("stata-mcp " + Main.version() + " serving MCP at " + host.baseUri() + handler.path()
                + (settings.token() != null && !settings.token().isBlank() ? " (bearer token required)" : ""));
        host.join();
        return 0;
    }

    /** Lets the command line find this server (e.g. to cancel its jobs): {@code <data dir>/servers/<pid>.json}. */
    private static Runnable announce(McpApplication application, HttpServerHost host) {
        if (application instanceof StataApplication app) {
            try {
                return new ServerRegistry(app.settings().path(Key.DATA_DIR)).announce(host.baseUri(), Main.version());
            } catch (IOException e) {
                System.err.println("stata-mcp: could not record this server in the data directory (" + e.getMessage()
                        + "); `stata-mcp jobs cancel` cannot reach it");
            }
        }
        return () -> { };
    }
}
