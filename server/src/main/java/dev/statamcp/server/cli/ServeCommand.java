package dev.statamcp.server.cli;

import dev.statamcp.mcp.server.McpServer;
import dev.statamcp.mcp.transport.stdio.StdioTransport;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stata-mcp serve}: MCP over stdio (what IDEs launch) or over Streamable HTTP. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve MCP over stdio (default) or Streamable HTTP (endpoint /mcp).")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--stdio", description = "Speak MCP on standard input/output (default).")
    boolean stdio;

    @Option(names = "--http", description = "Serve MCP over Streamable HTTP at http://HOST:PORT/mcp.")
    boolean http;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind in HTTP mode (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8765", description = "Port in HTTP mode, 0 for any free port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--token", defaultValue = "${env:STATA_MCP_TOKEN}", arity = "1",
            description = "Bearer token every HTTP request must carry (env STATA_MCP_TOKEN). Required off loopback.")
    String token;

    @Option(names = "--allowed-host", description = "Extra host name accepted in Host/Origin headers (repeatable).")
    List<String> allowedHosts = new ArrayList<>();

    @Option(names = "--allowed-origin", description = "Extra browser origin allowed, e.g. https://app.example (repeatable).")
    List<String> allowedOrigins = new ArrayList<>();

    @Option(names = "--log-level", description = "Log level on standard error: error, warn, info, debug (env STATA_MCP_LOG_LEVEL).")
    String logLevel;

    @Option(names = "--log-file", description = "Also write the log to this file (env STATA_MCP_LOG_FILE).")
    String logFile;

    @Override
    public Integer call() throws Exception {
        if (stdio && http) {
            throw new IllegalArgumentException("choose one of --stdio and --http");
        }
        if (!http) {
            return serveStdio(logLevel, logFile);
        }
        LogSetup.override(logLevel, logFile);
        McpApplication application = application();
        // A separate class, so that the stdio path never loads Jetty.
        return HttpServe.run(build(application), application, new HttpServe.Settings(host, port, token, allowedHosts, allowedOrigins));
    }

    /** The stdio mode; also reached directly from {@link Main} for the plain {@code serve} an IDE launches. */
    static int serveStdio(String logLevel, String logFile) throws Exception {
        // First of all: nothing but protocol messages may reach standard output from here on.
        OutputStream protocolOut = StdioTransport.claimStdout();
        LogSetup.override(logLevel, logFile);
        Thread logging = LogSetup.warmUpInBackground();
        try {
            McpApplication application = application();
            McpServer server = build(application);
            new StdioTransport(server, new FileInputStream(FileDescriptor.in), protocolOut)
                    .onEndOfInput(new Drain(application, server))
                    .run();
            return 0;
        } finally {
            LogSetup.awaitWarmUp(logging);
        }
    }

    static McpApplication application() {
        for (McpApplication application : ServiceLoader.load(McpApplication.class)) {
            return application;
        }
        return new NoApplication();
    }

    /** Serves the protocol alone, with no tools, when no application is on the class path. */
    private static final class NoApplication implements McpApplication {
        @Override
        public void register(McpServer.Builder builder) {
        }
    }

    /** The stdio end-of-input hook. (Classes rather than lambdas on the start path: see the pom's compiler note.) */
    private record Drain(McpApplication application, McpServer server) implements Runnable {
        @Override
        public void run() {
            application.drain(server);
        }
    }

    static McpServer build(McpApplication application) {
        McpServer.Builder builder = McpServer.builder()
                .serverInfo("stata-mcp", "Stata MCP", Main.version())
                .instructions("Runs Stata for the assistant; each tool's description says what it does.") // the application may replace it
                .enableTools();
        application.register(builder);
        McpServer server = builder.build();
        application.started(server);
        return server;
    }
}
