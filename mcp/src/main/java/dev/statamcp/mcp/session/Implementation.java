package dev.statamcp.mcp.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.jsonrpc.Json;

/** Name, optional title and version of a server or client ({@code serverInfo} / {@code clientInfo}). */
public record Implementation(String name, String title, String version) {

    public ObjectNode toJson() {
        ObjectNode node = Json.object().put("name", name);
        if (title != null) {
            node.put("title", title);
        }
        return node.put("version", version);
    }

    public static Implementation fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            return new Implementation("unknown", null, "unknown");
        }
        return new Implementation(node.path("name").asText("unknown"), Json.text(node, "title"),
                node.path("version").asText("unknown"));
    }
}
