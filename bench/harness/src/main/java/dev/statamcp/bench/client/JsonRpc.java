package dev.statamcp.bench.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;

/**
 * The few JSON-RPC messages the measuring client sends, pre-rendered as text so that building a request costs the
 * same (almost nothing) for every server, and the parsing of what comes back.
 */
public final class JsonRpc {
    /** The protocol revision the client asks for; every server under test supports it. */
    public static final String PROTOCOL_VERSION = "2025-06-18";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonRpc() {
    }

    public static String initialize(Object id) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + idJson(id) + ",\"method\":\"initialize\",\"params\":{"
                + "\"protocolVersion\":\"" + PROTOCOL_VERSION + "\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"stata-mcp-bench\",\"version\":\"1\"}}}";
    }

    public static String initialized() {
        return "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
    }

    public static String noopCall(Object id) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + idJson(id)
                + ",\"method\":\"tools/call\",\"params\":{\"name\":\"noop\",\"arguments\":{}}}";
    }

    public static String ping(Object id) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + idJson(id) + ",\"method\":\"ping\"}";
    }

    private static String idJson(Object id) {
        return id instanceof Number ? id.toString() : "\"" + id + "\"";
    }

    public static JsonNode parse(String text) throws JsonProcessingException {
        return MAPPER.readTree(text);
    }

    public static JsonNode parse(byte[] bytes) throws java.io.IOException {
        return MAPPER.readTree(bytes);
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The id of a response as text ({@code 7} and {@code "7"} differ), or null if it has none. */
    public static String idText(JsonNode message) {
        JsonNode id = message.get("id");
        return id == null ? null : id.toString();
    }

    /** True if the message is a successful response whose result is the no-op tool's answer. */
    public static boolean isNoopAnswer(JsonNode response) {
        JsonNode content = response.path("result").path("content");
        return content.isArray() && content.size() == 1 && "ok".equals(content.get(0).path("text").asText(null));
    }
}
