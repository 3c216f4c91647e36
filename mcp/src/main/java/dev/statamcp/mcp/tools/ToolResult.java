package dev.statamcp.mcp.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.content.Content;
import dev.statamcp.mcp.jsonrpc.Json;
import java.util.List;

/** The result of a tool call: content blocks, optional structured content, and whether the tool failed. */
public record ToolResult(List<Content> content, JsonNode structuredContent, boolean isError) {

    public ToolResult {
        content = List.copyOf(content);
    }

    public static ToolResult text(String text) {
        return new ToolResult(List.of(Content.text(text)), null, false);
    }

    public static ToolResult of(Content... content) {
        return new ToolResult(List.of(content), null, false);
    }

    /** A failure the model should read and act on (wrong input, a run that failed), not a protocol error. */
    public static ToolResult error(String message) {
        return new ToolResult(List.of(Content.text(message)), null, true);
    }

    /** Structured output with its JSON text as the content block, as the spec recommends for older clients. */
    public static ToolResult structured(JsonNode structured) {
        return new ToolResult(List.of(Content.text(Json.write(structured))), structured, false);
    }

    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        ArrayNode blocks = node.putArray("content");
        content.forEach(block -> blocks.add(block.toJson()));
        if (structuredContent != null) {
            node.set("structuredContent", structuredContent);
        }
        if (isError) {
            node.put("isError", true);
        }
        return node;
    }
}
