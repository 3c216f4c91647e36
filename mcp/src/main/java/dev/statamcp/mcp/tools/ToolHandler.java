package dev.statamcp.mcp.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.server.RequestContext;

/**
 * Runs a tool. Called on a thread of its own, so it may block for hours; it should watch
 * {@link RequestContext#isCancelled()} or register {@link RequestContext#onCancel(Runnable)}. The arguments are already
 * validated against the tool's input schema, with defaults filled in. Throw
 * {@link dev.statamcp.mcp.jsonrpc.McpException} for a protocol error; any other exception becomes an {@code isError}
 * result the model can read.
 */
@FunctionalInterface
public interface ToolHandler {
    ToolResult call(ObjectNode arguments, RequestContext context) throws Exception;
}
