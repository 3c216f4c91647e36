package dev.statamcp.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statamcp.mcp.jsonrpc.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The packaged jar and the bin/stata-mcp launcher, run as a client would run them. */
class ServeJarIT {
    private static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    private static final Path JAR = ROOT.resolve("server/target/stata-mcp.jar");

    private static List<String> command(String how) {
        List<String> command = new ArrayList<>();
        if ("launcher".equals(how)) {
            command.add(ROOT.resolve("bin/stata-mcp").toString());
        } else {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-jar");
            command.add(JAR.toString());
        }
        return command;
    }

    @ParameterizedTest
    @ValueSource(strings = {"jar", "launcher"})
    void stdioAnswersOnlyProtocolLinesOnStdoutAndExitsAtEof(String how) throws Exception {
        assertThat(JAR).exists();
        List<String> command = command(how);
        command.add("serve");
        Process process = new ProcessBuilder(command).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}\n"
                    + "not json\n"
                    + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
                    + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}\n").getBytes(StandardCharsets.UTF_8));
        }
        List<JsonNode> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(Json.parse(line)); // every stdout line must be JSON
            }
        }
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).at("/result/serverInfo/name").asText()).isEqualTo("stata-mcp");
        assertThat(lines.get(0).at("/result/protocolVersion").asText()).isEqualTo("2025-06-18");
        assertThat(lines.get(1).at("/error/code").asInt()).isEqualTo(-32700);
        assertThat(lines.get(2).at("/result/tools").isArray()).isTrue();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(stderr).contains("initialized");
    }

    @Test
    void httpModeServesMcpAndRequiresTheTokenWhenGiven() throws Exception {
        List<String> command = command("jar");
        command.addAll(List.of("serve", "--http", "--port", "0", "--token", "t0ken"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String url = null;
            for (String line; url == null && (line = out.readLine()) != null; ) {
                int at = line.indexOf("serving MCP at ");
                if (at >= 0) {
                    url = line.substring(at + "serving MCP at ".length()).split(" ")[0];
                }
            }
            assertThat(url).as("the server announces its URL").startsWith("http://127.0.0.1:").endsWith("/mcp");
            HttpClient http = HttpClient.newHttpClient();
            String init = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\"}}";
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(init))
                    .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream");
            assertThat(http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
            HttpResponse<String> ok = http.send(request.header("Authorization", "Bearer t0ken").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(Json.parse(ok.body()).at("/result/serverInfo/name").asText()).isEqualTo("stata-mcp");
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theBuildRecordedAClassDataArchive() throws Exception {
        Path archive = ROOT.resolve("server/target/stata-mcp.jsa");
        assertThat(archive).exists();
        assertThat(Files.size(archive)).isGreaterThan(100_000);
    }
}
