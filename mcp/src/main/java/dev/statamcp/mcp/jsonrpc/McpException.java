package dev.statamcp.mcp.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Thrown by a handler (or the protocol layer) to answer a request with a JSON-RPC error instead of a result.
 * Tool failures a model should see and correct are not this: they are a {@code ToolResult} with {@code isError}.
 */
public class McpException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient JsonRpcError error;

    public McpException(JsonRpcError error) {
        super(error.message());
        this.error = error;
    }

    public McpException(int code, String message) {
        this(JsonRpcError.of(code, message));
    }

    public McpException(int code, String message, JsonNode data) {
        this(new JsonRpcError(code, message, data));
    }

    public JsonRpcError error() {
        return error;
    }

    public static McpException invalidParams(String detail) {
        return new McpException(JsonRpcError.invalidParams(detail));
    }
}
