package dev.statamcp.mcp.prompts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.jsonrpc.Json;

public record PromptArgument(String name, String title, String description, boolean required) {
    public ObjectNode toJson() {
        ObjectNode node = Json.object().put("name", name);
        if (title != null) {
            node.put("title", title);
        }
        if (description != null) {
            node.put("description", description);
        }
        return node.put("required", required);
    }
}
