package dev.statamcp.server.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statamcp.mcp.transport.http.HttpServerHost;
import dev.statamcp.server.app.StataApplication;
import dev.statamcp.server.config.Key;
import dev.statamcp.server.config.Settings;
import dev.statamcp.server.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The application with its REST API and dashboard on a real Jetty server (port chosen by the system), running jobs on
 * the emulator {@code fakestata} with a private data directory and workspace folder.
 */
final class RestServer implements AutoCloseable {
    static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final StataApplication app;
    final HttpServerHost host;
    final Path workspace;
    final String token;

    private RestServer(StataApplication app, HttpServerHost host, Path workspace, String token) {
        this.app = app;
        this.host = host;
        this.workspace = workspace;
        this.token = token;
    }

    static RestServer start(Path dir, String token) throws Exception {
        Path fake = ROOT.resolve("fakestata/bin/stata-mp");
        if (!Files.isExecutable(fake) || !Files.isRegularFile(ROOT.resolve("fakestata/target/fakestata.jar"))) {
            throw new IllegalStateException("the emulator is not built: run `mvn -B -ntp -q -pl fakestata package"
                    + " -DskipTests` first (" + fake + ")");
        }
        Path workspace = Files.createDirectories(dir.resolve("workspace"));
        Map<Key, String> flags = new EnumMap<>(Key.class);
        flags.put(Key.STATA_PATH, fake.toString());
        flags.put(Key.DATA_DIR, dir.resolve("data").toString());
        flags.put(Key.WORKSPACE, workspace.toString());
        flags.put(Key.DRAIN_SECONDS, "5");
        flags.put(Key.CANCEL_GRACE_SECONDS, "3");
        if (token != null) {
            flags.put(Key.TOKEN, token);
        }
        StataApplication app = new StataApplication(Settings.load(flags, Map.of(), dir.resolve("none.toml")));
        app.openNow(jobs -> { });
        HttpServerHost host = new HttpServerHost(HttpServerHost.Config.loopback(0).withToken(token));
        app.mountHttp(host);
        host.start();
        return new RestServer(app, host, workspace, token);
    }

    URI uri(String path) {
        return URI.create(host.baseUri() + path);
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String json) throws Exception {
        return HTTP.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> delete(String path) throws Exception {
        return HTTP.send(request(path).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode getJson(String path) throws Exception {
        HttpResponse<String> r = get(path);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return Json.parse(r.body());
    }

    /** Starts a job and returns its id. */
    String startJob(String json) throws Exception {
        HttpResponse<String> r = post("/api/jobs", json);
        if (r.statusCode() != 202) {
            throw new AssertionError("POST /api/jobs answered " + r.statusCode() + ": " + r.body());
        }
        return Json.parse(r.body()).get("job_id").asText();
    }

    static String codeJob(String code) {
        return Json.write(Json.object().put("code", code));
    }

    @Override
    public void close() {
        try {
            host.close();
        } finally {
            app.drain(null);
        }
    }
}
