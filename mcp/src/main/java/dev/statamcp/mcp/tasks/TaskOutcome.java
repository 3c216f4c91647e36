package dev.statamcp.mcp.tasks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.jsonrpc.JsonRpcError;

/** What the request behind an ended task answered: a result (possibly a tool result with {@code isError}) or a JSON-RPC error. */
public sealed interface TaskOutcome {

    /** The result the request would have returned, e.g. a {@code CallToolResult}. */
    record Result(ObjectNode result) implements TaskOutcome {
    }

    /** The JSON-RPC error the request would have returned. */
    record Failure(JsonRpcError error) implements TaskOutcome {
    }
}
