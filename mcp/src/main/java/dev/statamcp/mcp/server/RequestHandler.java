package dev.statamcp.mcp.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Handles one JSON-RPC method the application adds (for example {@code tasks/get}). Runs on a worker thread; may
 * block. Returns the result object, or throws {@link dev.statamcp.mcp.jsonrpc.McpException} for a JSON-RPC error.
 */
@FunctionalInterface
public interface RequestHandler {
    JsonNode handle(ObjectNode params, RequestContext context) throws Exception;
}
