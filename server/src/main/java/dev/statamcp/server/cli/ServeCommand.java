package dev.statamcp.server.cli;

import dev.statamcp.mcp.server.McpServer;
import dev.statamcp.mcp.transport.stdio.StdioTransport;
import dev.statamcp.server.app.StataApplication;
import dev.statamcp.server.config.Key;
import dev.statamcp.server.config.Settings;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.OutputStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code stata-mcp serve}: MCP over stdio (default) or over Streamable HTTP. Every setting is also an option
 * (generated from the settings table, see {@link SettingsOptions}), an environment variable and a config-file key.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve MCP over stdio (default) or Streamable HTTP (endpoint /mcp, REST API /api, dashboard /)."
                + " Each setting can also come from an environment variable or the config file; flags win over the"
                + " environment, which wins over the file.")
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--stdio", description = "Speak MCP on standard input/output (default).")
    boolean stdio;

    @Option(names = "--http", description = "Serve MCP over Streamable HTTP at http://HOST:PORT/mcp.")
    boolean http;

    @Option(names = "--print-config", description = "Print the effective settings, where each came from, and exit.")
    boolean printConfig;

    @Override
    public Integer call() throws Exception {
        if (stdio && http) {
            throw new IllegalArgumentException("choose one of --stdio and --http");
        }
        Settings settings = SettingsOptions.load(spec.commandLine().getParseResult());
        if (printConfig) {
            spec.commandLine().getOut().print(settings.describe());
            spec.commandLine().getOut().flush();
            return 0;
        }
        if (!http) {
            return serveStdio(settings);
        }
        LogSetup.override(settings.string(Key.LOG_LEVEL), settings.string(Key.LOG_FILE));
        StataApplication application = new StataApplication(settings);
        // A separate class, so that the stdio path never loads Jetty.
        return HttpServe.run(build(application), application, new HttpServe.Settings(settings.string(Key.HOST),
                settings.integer(Key.PORT), settings.string(Key.TOKEN), settings.list(Key.ALLOWED_HOSTS),
                settings.list(Key.ALLOWED_ORIGINS)));
    }

    /** The stdio mode; also reached directly from {@link Main} for the plain {@code serve} an IDE launches. */
    static int serveStdio(Settings settings) throws Exception {
        // First of all: nothing but protocol messages may reach standard output from here on.
        OutputStream protocolOut = StdioTransport.claimStdout();
        Settings effective = settings != null ? settings : SettingsOptions.load(null);
        LogSetup.override(effective.string(Key.LOG_LEVEL), effective.string(Key.LOG_FILE));
        LogSetup.warmUpInBackground();
        StataApplication application = new StataApplication(effective);
        McpServer server = build(application);
        new StdioTransport(server, new FileInputStream(FileDescriptor.in), protocolOut)
                .onEndOfInput(new Drain(application, server))
                .run();
        return 0;
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
                .enableTools();
        application.register(builder);
        McpServer server = builder.build();
        application.started(server);
        return server;
    }
}
