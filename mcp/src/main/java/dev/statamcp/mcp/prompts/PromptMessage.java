package dev.statamcp.mcp.prompts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.content.Content;
import dev.statamcp.mcp.jsonrpc.Json;

/** One message of a prompt; {@code role} is "user" or "assistant". */
public record PromptMessage(String role, Content content) {
    public static PromptMessage user(Content content) {
        return new PromptMessage("user", content);
    }

    public static PromptMessage assistant(Content content) {
        return new PromptMessage("assistant", content);
    }

    public ObjectNode toJson() {
        ObjectNode node = Json.object().put("role", role);
        node.set("content", content.toJson());
        return node;
    }
}
