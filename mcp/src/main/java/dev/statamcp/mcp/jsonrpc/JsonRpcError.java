package dev.statamcp.mcp.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A JSON-RPC error object. Messages are written for the person reading the client's log: what happened, what to do. */
public record JsonRpcError(int code, String message, JsonNode data) {
    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;
    /** MCP: the resource asked for does not exist. */
    public static final int RESOURCE_NOT_FOUND = -32002;

    public static JsonRpcError of(int code, String message) {
        return new JsonRpcError(code, message, null);
    }

    public static JsonRpcError parseError(String detail) {
        return of(PARSE_ERROR, "Parse error: the message is not valid JSON (" + detail + ")");
    }

    public static JsonRpcError invalidRequest(String detail) {
        return of(INVALID_REQUEST, "Invalid request: " + detail);
    }

    public static JsonRpcError methodNotFound(String method) {
        return of(METHOD_NOT_FOUND, "Method not found: '" + method + "' is not supported by this server");
    }

    public static JsonRpcError invalidParams(String detail) {
        return of(INVALID_PARAMS, "Invalid params: " + detail);
    }

    public static JsonRpcError internal(String detail) {
        return of(INTERNAL_ERROR, "Internal error: " + detail);
    }

    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("code", code);
        node.put("message", message);
        if (data != null) {
            node.set("data", data);
        }
        return node;
    }

    public static JsonRpcError fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            return internal("malformed error object");
        }
        return new JsonRpcError(node.path("code").asInt(INTERNAL_ERROR), node.path("message").asText(""), node.get("data"));
    }
}
