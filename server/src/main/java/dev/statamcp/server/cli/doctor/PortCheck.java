package dev.statamcp.server.cli.doctor;

import dev.statamcp.server.cli.jobs.ServerRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The HTTP port of {@code serve --http}. Only that mode needs it (clients launch the stdio mode), so a taken port
 * is a warning, never a failure.
 */
final class PortCheck {
    static final String TITLE = "HTTP port";

    private PortCheck() {
    }

    static Check run(String host, int port, Path dataDir) {
        if (port == 0) {
            return Check.ok(TITLE, "port 0: serve --http picks a free port itself", List.of());
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            return Check.ok(TITLE, host + ":" + port + " is free for `serve --http`", List.of());
        } catch (IOException e) {
            String owner = stataMcpOn(port, dataDir);
            if (owner != null) {
                return Check.ok(TITLE, host + ":" + port + " is in use by " + owner, List.of());
            }
            return Check.warn(TITLE, host + ":" + port + " is not available (" + e.getMessage() + ")",
                    List.of("Another program uses it: give `serve --http` another --port (or port in the config"
                            + " file). The stdio mode that clients launch does not need a port."));
        }
    }

    /** A stata-mcp HTTP server of this data directory that announced this port, described; or null. */
    private static String stataMcpOn(int port, Path dataDir) {
        Path dir = dataDir.resolve("servers");
        if (!Files.isDirectory(dir)) {
            return null;
        }
        ServerRegistry registry = new ServerRegistry(dataDir);
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (!name.matches("\\d+\\.json")) {
                    continue;
                }
                long pid = Long.parseLong(name.substring(0, name.length() - 5));
                var entry = registry.find(new dev.statamcp.server.store.ProcessOwner(pid, 0));
                if (entry.isPresent() && entry.get().baseUri().getPort() == port) {
                    return "stata-mcp (serve --http, pid " + pid + ", " + entry.get().baseUri() + ")";
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }
}
