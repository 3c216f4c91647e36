package dev.statamcp.mcp.transport.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statamcp.mcp.jsonrpc.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A bare HTTP client speaking Streamable HTTP by hand, to test the transport's exact behaviour. */
final class RawHttpClient {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One server-sent event. */
    record Event(String id, String data) {
        JsonNode json() {
            return Json.parse(data);
        }
    }

    /** Reads events off an open SSE response. */
    static final class EventReader implements AutoCloseable {
        private final InputStream body;
        private final BufferedReader reader;

        EventReader(InputStream body) {
            this.body = body;
            this.reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        }

        /** The next event with data (priming events with empty data are returned too); null at end of stream. */
        Event next() throws IOException {
            String id = null;
            StringBuilder data = null;
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data != null || id != null) {
                        return new Event(id, data == null ? "" : data.toString());
                    }
                    continue;
                }
                if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("data:")) {
                    String value = line.substring(5);
                    value = value.startsWith(" ") ? value.substring(1) : value;
                    data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                }
            }
            return null;
        }

        /** The next event carrying a JSON message (skips priming events). */
        Event nextMessage() throws IOException {
            Event event;
            while ((event = next()) != null) {
                if (!event.data().isBlank()) {
                    return event;
                }
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }

    private final String url;
    String sessionId;

    RawHttpClient(String url) {
        this.url = url;
    }

    HttpResponse<String> post(String body, Map<String, String> headers) throws IOException, InterruptedException {
        return HTTP.send(postRequest(body, headers), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<InputStream> postStream(String body) throws IOException, InterruptedException {
        return HTTP.send(postRequest(body, Map.of()), HttpResponse.BodyHandlers.ofInputStream());
    }

    HttpResponse<InputStream> get(Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).GET().header("Accept", "text/event-stream");
        if (sessionId != null) {
            builder.header("Mcp-Session-Id", sessionId);
        }
        headers.forEach(builder::header);
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    HttpResponse<String> delete() throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).DELETE().header("Mcp-Session-Id", sessionId).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A POST of raw bytes (which need not be UTF-8). */
    HttpResponse<String> postBytes(byte[] body) throws IOException, InterruptedException {
        return HTTP.send(postRequest(HttpRequest.BodyPublishers.ofByteArray(body), Map.of()),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest postRequest(String body, Map<String, String> headers) {
        return postRequest(HttpRequest.BodyPublishers.ofString(body), headers);
    }

    private HttpRequest postRequest(HttpRequest.BodyPublisher body, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .POST(body)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream");
        if (sessionId != null && !headers.containsKey("Mcp-Session-Id")) {
            builder.header("Mcp-Session-Id", sessionId);
        }
        headers.forEach(builder::setHeader);
        return builder.build();
    }

    /** Initializes a session and confirms it; returns the initialize result. */
    JsonNode initialize(String version) throws IOException, InterruptedException {
        HttpResponse<String> response = post("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{"
                + "\"protocolVersion\":\"" + version + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}", Map.of());
        if (response.statusCode() != 200) {
            throw new AssertionError("initialize answered " + response.statusCode() + ": " + response.body());
        }
        sessionId = response.headers().firstValue("Mcp-Session-Id").orElseThrow();
        HttpResponse<String> initialized = post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", Map.of());
        if (initialized.statusCode() != 202) {
            throw new AssertionError("initialized notification answered " + initialized.statusCode());
        }
        return Json.parse(response.body()).get("result");
    }
}
