package dev.statamcp.server.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statamcp.mcp.content.Content;
import dev.statamcp.mcp.tools.ToolResult;
import dev.statamcp.server.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * A stored tool result (JSON text) turned back into the {@link ToolResult} it was rendered as. Every way of
 * delivering a result goes through here (synchronous runs, stata_job_result, tasks/result), so all deliver the same.
 */
public final class StoredResult {
    private StoredResult() {
    }

    public static ToolResult toToolResult(String json) {
        JsonNode node = Json.parse(json);
        List<Content> content = new ArrayList<>();
        for (JsonNode block : node.path("content")) {
            content.add(content(block));
        }
        JsonNode structured = node.get("structuredContent");
        return new ToolResult(content, structured == null || structured.isNull() ? null : structured,
                node.path("isError").asBoolean(false));
    }

    private static Content content(JsonNode block) {
        String type = block.path("type").asText();
        switch (type) {
            case "text":
                return Content.text(block.path("text").asText());
            case "image":
                return new Content.Image(block.path("data").asText(), block.path("mimeType").asText());
            case "audio":
                return new Content.Audio(block.path("data").asText(), block.path("mimeType").asText());
            case "resource_link":
                return new Content.ResourceLink(block.path("uri").asText(), block.path("name").asText(),
                        text(block, "title"), text(block, "description"), text(block, "mimeType"),
                        block.has("size") ? block.get("size").asLong() : null);
            default:
                throw new IllegalStateException("a stored result has a content block of unknown type '" + type + "'");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
