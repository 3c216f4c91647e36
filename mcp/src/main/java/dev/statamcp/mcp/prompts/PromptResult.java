package dev.statamcp.mcp.prompts;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.jsonrpc.Json;
import java.util.List;

/** The answer to {@code prompts/get}. {@code description} may be null. */
public record PromptResult(String description, List<PromptMessage> messages) {
    public PromptResult {
        messages = List.copyOf(messages);
    }

    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        if (description != null) {
            node.put("description", description);
        }
        ArrayNode array = node.putArray("messages");
        messages.forEach(message -> array.add(message.toJson()));
        return node;
    }
}
