package dev.statamcp.mcp.transport.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Owns the embedded Jetty server: binds (127.0.0.1 by default), and puts the Origin/Host/token checks in front of
 * every handler mounted on it — the MCP endpoint and whatever else the application adds (REST API, dashboard).
 * Refuses to listen on a non-loopback address without a token.
 */
public final class HttpServerHost implements AutoCloseable {

    /**
     * @param host           address to bind ("127.0.0.1", "::1", "0.0.0.0", ...)
     * @param port           port, 0 for any free port
     * @param token          bearer token required on every request, or null (only allowed on loopback)
     * @param allowedHosts   extra host names accepted in Host/Origin headers (loopback names are always accepted)
     * @param allowedOrigins extra full origins accepted in the Origin header
     */
    public record Config(String host, int port, String token, List<String> allowedHosts, List<String> allowedOrigins) {
        public static Config loopback(int port) {
            return new Config("127.0.0.1", port, null, List.of(), List.of());
        }

        public Config withToken(String value) {
            return new Config(host, port, value, allowedHosts, allowedOrigins);
        }
    }

    private static final int MAX_THREADS = 10_000;
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "::1");

    private final Config config;
    private final Server server;
    private final ServerConnector connector;
    private final Handler.Sequence handlers = new Handler.Sequence();
    private final RequestGuard guard;

    public HttpServerHost(Config config) {
        this.config = config;
        boolean loopback = isLoopback(config.host());
        if (!loopback && (config.token() == null || config.token().isBlank())) {
            throw new IllegalArgumentException("Refusing to listen on " + config.host()
                    + " without a token: anyone on the network could run code. Set --token or STATA_MCP_TOKEN,"
                    + " or bind 127.0.0.1.");
        }
        // Calls run on the request thread that received them (see McpHttpHandler) and may block for hours, so the
        // pool must not cap them: threads are made on demand and end after a minute idle, as a cached pool's do.
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 4);
        threads.setName("mcp-http");
        threads.setDaemon(true);
        server = new Server(threads);
        connector = new ServerConnector(server, 1, 1);
        connector.setHost(config.host());
        connector.setPort(config.port());
        connector.setIdleTimeout(60_000);
        server.addConnector(connector);
        Set<String> hosts = new HashSet<>(LOOPBACK_NAMES);
        config.allowedHosts().forEach(h -> hosts.add(RequestGuard.normalise(h)));
        boolean wildcard = "0.0.0.0".equals(config.host()) || "::".equals(config.host()) || "[::]".equals(config.host());
        if (!wildcard) {
            hosts.add(RequestGuard.normalise(config.host()));
        }
        boolean checkHost = !wildcard || !config.allowedHosts().isEmpty();
        guard = new RequestGuard(handlers, hosts, checkHost, new HashSet<>(config.allowedOrigins()), config.token());
        server.setHandler(guard);
        server.setStopTimeout(2000);
    }

    /** Adds a handler; handlers are asked in the order added, and the first that accepts a request answers it. */
    public HttpServerHost addHandler(Handler handler) {
        handlers.addHandler(handler);
        return this;
    }

    /**
     * Accepts the token from a further place in the request besides {@code Authorization: Bearer} (a browser cannot
     * add that header to an {@code <img>} or an {@code EventSource}, so a dashboard may use a cookie). The source
     * returns what the request carries there, or null; the value is compared with the configured token exactly as a
     * bearer token is. The source decides which requests it speaks for (paths, methods), so other clients keep the
     * header-only check. Without a configured token this changes nothing.
     */
    public HttpServerHost acceptTokenFrom(Function<Request, String> source) {
        guard.addTokenSource(source);
        return this;
    }

    public void start() throws Exception {
        server.start();
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The base URI clients use, e.g. {@code http://127.0.0.1:8080}. */
    public URI baseUri() {
        String host = config.host().contains(":") && !config.host().startsWith("[") ? "[" + config.host() + "]" : config.host();
        if ("0.0.0.0".equals(config.host()) || "[::]".equals(host)) {
            host = "127.0.0.1";
        }
        return URI.create("http://" + host + ":" + port());
    }

    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("the HTTP server did not stop cleanly: " + e.getMessage(), e);
        }
    }

    static boolean isLoopback(String host) {
        String name = RequestGuard.normalise(host);
        if (LOOPBACK_NAMES.contains(name)) {
            return true;
        }
        try {
            return InetAddress.getByName(name).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
