package dev.statamcp.bench.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** One MCP session over Streamable HTTP on its own keep-alive connection. */
public final class HttpMcpClient implements McpClient {
    public static final String ACCEPT = "application/json, text/event-stream";

    private final HttpConnection connection;
    private final String path;
    private final List<HttpConnection.Header> sessionHeaders;

    private HttpMcpClient(HttpConnection connection, String path, List<HttpConnection.Header> sessionHeaders) {
        this.connection = connection;
        this.path = path;
        this.sessionHeaders = sessionHeaders;
    }

    /** Opens a connection and runs the MCP handshake (initialize, then notifications/initialized). */
    public static HttpMcpClient initialize(String host, int port, String path) throws IOException {
        HttpConnection connection = new HttpConnection(host, port, 60_000);
        List<HttpConnection.Header> headers = new ArrayList<>(baseHeaders());
        HttpReply reply = connection.post(path, headers, JsonRpc.utf8(JsonRpc.initialize(0)));
        JsonNode response = responseTo(reply, "0");
        String version = response.path("result").path("protocolVersion").asText(null);
        if (reply.status() != 200 || version == null) {
            connection.close();
            throw new RpcException("initialize failed: HTTP " + reply.status() + " " + reply.bodyText());
        }
        String session = reply.header("mcp-session-id");
        if (session != null) {
            headers.add(new HttpConnection.Header("Mcp-Session-Id", session));
        }
        headers.add(new HttpConnection.Header("MCP-Protocol-Version", version));
        HttpMcpClient client = new HttpMcpClient(connection, path, List.copyOf(headers));
        HttpReply accepted = connection.post(path, client.sessionHeaders, JsonRpc.utf8(JsonRpc.initialized()));
        if (accepted.status() / 100 != 2) {
            throw new RpcException("notifications/initialized was refused: HTTP " + accepted.status());
        }
        return client;
    }

    public static List<HttpConnection.Header> baseHeaders() {
        return List.of(new HttpConnection.Header("Content-Type", "application/json"),
                new HttpConnection.Header("Accept", ACCEPT));
    }

    /** The headers that identify this session (content type, accept, session id, protocol version). */
    public List<HttpConnection.Header> sessionHeaders() {
        return sessionHeaders;
    }

    @Override
    public JsonNode call(String requestJson, String idText) throws IOException {
        HttpReply reply = connection.post(path, sessionHeaders, JsonRpc.utf8(requestJson));
        if (reply.status() != 200) {
            throw new RpcException("HTTP " + reply.status() + " for " + requestJson + ": " + reply.bodyText());
        }
        JsonNode response = responseTo(reply, idText);
        if (response.has("error")) {
            throw new RpcException("the server answered with an error: " + response);
        }
        return response;
    }

    private static JsonNode responseTo(HttpReply reply, String idText) throws IOException {
        for (JsonNode message : HttpMessages.parse(reply)) {
            if (idText.equals(JsonRpc.idText(message)) && !message.has("method")) {
                return message;
            }
        }
        throw new RpcException("no answer with id " + idText + " in HTTP " + reply.status() + ": "
                + reply.bodyText());
    }

    @Override
    public void close() {
        connection.close();
    }
}
