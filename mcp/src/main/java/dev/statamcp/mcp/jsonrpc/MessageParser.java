package dev.statamcp.mcp.jsonrpc;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one received payload (a stdio line or an HTTP body) into messages. Never throws on bad input: every
 * problem becomes an {@link JsonRpcMessage.Invalid} carrying the error to answer with.
 */
public final class MessageParser {
    private MessageParser() {
    }

    /** The outcome of parsing one payload: a single message or a batch (JSON array). */
    public record Parsed(List<JsonRpcMessage> messages, boolean batch) {
        public JsonRpcMessage single() {
            return messages.get(0);
        }
    }

    public static Parsed parse(String payload) {
        JsonNode tree;
        try {
            tree = Json.read(payload);
        } catch (JsonParseException e) {
            return invalid(null, JsonRpcError.parseError(firstLine(e.getOriginalMessage())));
        }
        if (tree == null || tree.isMissingNode()) {
            return invalid(null, JsonRpcError.parseError("empty message"));
        }
        if (tree.isArray()) {
            if (tree.isEmpty()) {
                return invalid(null, JsonRpcError.invalidRequest("an empty batch is not a valid JSON-RPC message"));
            }
            List<JsonRpcMessage> messages = new ArrayList<>();
            tree.forEach(element -> messages.add(classify(element)));
            return new Parsed(messages, true);
        }
        return new Parsed(List.of(classify(tree)), false);
    }

    /** Validates the shape of one JSON value as a JSON-RPC 2.0 message. */
    public static JsonRpcMessage classify(JsonNode node) {
        if (!(node instanceof ObjectNode object)) {
            return new JsonRpcMessage.Invalid(null, JsonRpcError.invalidRequest("a JSON-RPC message must be a JSON object"));
        }
        JsonNode id = object.get("id");
        boolean hasId = id != null;
        JsonNode idForError = hasId && validId(id) ? id : null;
        JsonNode version = object.get("jsonrpc");
        if (version == null || !"2.0".equals(version.asText(null)) || !version.isTextual()) {
            return new JsonRpcMessage.Invalid(idForError, JsonRpcError.invalidRequest("\"jsonrpc\" must be the string \"2.0\""));
        }
        JsonNode method = object.get("method");
        if (method != null) {
            if (!method.isTextual() || method.textValue().isEmpty()) {
                return new JsonRpcMessage.Invalid(idForError, JsonRpcError.invalidRequest("\"method\" must be a non-empty string"));
            }
            JsonNode params = object.get("params");
            if (params != null && !params.isObject() && !params.isNull()) {
                return new JsonRpcMessage.Invalid(idForError, JsonRpcError.invalidParams("\"params\" must be an object"));
            }
            if (params != null && params.isNull()) {
                params = null;
            }
            if (!hasId) {
                return new JsonRpcMessage.Notification(method.textValue(), params);
            }
            if (!validId(id)) {
                return new JsonRpcMessage.Invalid(null, JsonRpcError.invalidRequest("\"id\" must be a string or an integer (MCP forbids null ids)"));
            }
            return new JsonRpcMessage.Request(id, method.textValue(), params);
        }
        if (object.has("result") || object.has("error")) {
            if (!hasId) {
                return new JsonRpcMessage.Invalid(null, JsonRpcError.invalidRequest("a response must carry an \"id\""));
            }
            if (object.has("result") == object.has("error")) {
                return new JsonRpcMessage.Invalid(null, JsonRpcError.invalidRequest("a response must have exactly one of \"result\" and \"error\""));
            }
            JsonRpcError error = object.has("error") ? JsonRpcError.fromJson(object.get("error")) : null;
            return new JsonRpcMessage.Response(id, object.get("result"), error);
        }
        return new JsonRpcMessage.Invalid(idForError, JsonRpcError.invalidRequest("the message has no \"method\" (request or notification) and no \"result\"/\"error\" (response)"));
    }

    static boolean validId(JsonNode id) {
        return id.isTextual() || id.isIntegralNumber();
    }

    private static Parsed invalid(JsonNode id, JsonRpcError error) {
        return new Parsed(List.of(new JsonRpcMessage.Invalid(id, error)), false);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unreadable input";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
