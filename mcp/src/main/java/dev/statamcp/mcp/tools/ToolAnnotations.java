package dev.statamcp.mcp.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.jsonrpc.Json;

/** Hints about a tool's behaviour for the client; null fields are left out. */
public record ToolAnnotations(String title, Boolean readOnlyHint, Boolean destructiveHint, Boolean idempotentHint,
                              Boolean openWorldHint) {

    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        if (title != null) {
            node.put("title", title);
        }
        put(node, "readOnlyHint", readOnlyHint);
        put(node, "destructiveHint", destructiveHint);
        put(node, "idempotentHint", idempotentHint);
        put(node, "openWorldHint", openWorldHint);
        return node;
    }

    private static void put(ObjectNode node, String field, Boolean value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
