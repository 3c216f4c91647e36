package dev.statamcp.mcp.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One JSON-RPC 2.0 message as received, validated for shape. Ids keep the exact JSON value the peer sent. */
public sealed interface JsonRpcMessage {

    record Request(JsonNode id, String method, JsonNode params) implements JsonRpcMessage {
        /** The params object, or an empty object when the peer sent none. */
        public ObjectNode paramsObject() {
            return params instanceof ObjectNode object ? object : Json.object();
        }
    }

    record Notification(String method, JsonNode params) implements JsonRpcMessage {
        public ObjectNode paramsObject() {
            return params instanceof ObjectNode object ? object : Json.object();
        }
    }

    record Response(JsonNode id, JsonNode result, JsonRpcError error) implements JsonRpcMessage {
        public boolean isError() {
            return error != null;
        }
    }

    /** A message that could not be accepted; {@code id} is the request's id when it could be read, else null. */
    record Invalid(JsonNode id, JsonRpcError error) implements JsonRpcMessage {
    }
}
