package dev.statamcp.mcp.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds outgoing JSON-RPC messages. */
public final class Messages {
    private Messages() {
    }

    public static ObjectNode result(JsonNode id, JsonNode result) {
        ObjectNode node = envelope();
        node.set("id", id);
        node.set("result", result == null ? Json.object() : result);
        return node;
    }

    public static ObjectNode error(JsonNode id, JsonRpcError error) {
        ObjectNode node = envelope();
        node.set("id", id == null ? NullNode.instance : id);
        node.set("error", error.toJson());
        return node;
    }

    public static ObjectNode notification(String method, JsonNode params) {
        ObjectNode node = envelope();
        node.put("method", method);
        if (params != null) {
            node.set("params", params);
        }
        return node;
    }

    public static ObjectNode request(JsonNode id, String method, JsonNode params) {
        ObjectNode node = envelope();
        node.set("id", id);
        node.put("method", method);
        if (params != null) {
            node.set("params", params);
        }
        return node;
    }

    /** True for a message that ends an exchange (a response), false for notifications and requests. */
    public static boolean isResponse(JsonNode message) {
        return message.has("id") && !message.has("method");
    }

    private static ObjectNode envelope() {
        ObjectNode node = Json.object();
        node.put("jsonrpc", "2.0");
        return node;
    }
}
