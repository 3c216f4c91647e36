package dev.statamcp.server.cli.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.server.json.Json;
import dev.statamcp.server.store.ProcessOwner;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Which HTTP servers run on a data directory: each {@code serve --http} writes {@code servers/<pid>.json} (its
 * pid, start time and base URL) and removes it when it stops. The command line reads it to reach the server that
 * owns a job, e.g. to cancel it through the server's REST API. No secret is written: callers use their own token
 * setting.
 */
public final class ServerRegistry {
    private final Path dir;

    public ServerRegistry(Path dataDir) {
        this.dir = dataDir.resolve("servers");
    }

    /** A live HTTP server on this data directory. */
    public record Entry(long pid, long startedAtMillis, URI baseUri, String version) {
    }

    /** Announces this process's HTTP server; returns what removes the announcement. */
    public Runnable announce(URI baseUri, String version) throws IOException {
        ProcessOwner me = ProcessOwner.current();
        ObjectNode n = Json.object();
        n.put("pid", me.pid());
        n.put("started_at", me.startedAtMillis());
        n.put("url", baseUri.toString());
        n.put("version", version);
        Files.createDirectories(dir);
        Path file = file(me.pid());
        Path tmp = Files.createTempFile(dir, "." + me.pid(), ".tmp");
        Files.writeString(tmp, Json.write(n), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return () -> {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a stale entry is recognised by its dead pid
            }
        };
    }

    /** The HTTP server run by process {@code owner}, if it announced one and is still that process. */
    public Optional<Entry> find(ProcessOwner owner) {
        Path file = file(owner.pid());
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode n = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
            Entry e = new Entry(n.path("pid").asLong(), n.path("started_at").asLong(),
                    URI.create(n.path("url").asText()), n.path("version").asText(""));
            boolean same = new ProcessOwner(e.pid(), e.startedAtMillis()).isAlive()
                    && (owner.startedAtMillis() == 0 || e.startedAtMillis() == 0
                    || Math.abs(owner.startedAtMillis() - e.startedAtMillis()) < 1000);
            return same ? Optional.of(e) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    Path file(long pid) {
        return dir.resolve(pid + ".json");
    }
}
