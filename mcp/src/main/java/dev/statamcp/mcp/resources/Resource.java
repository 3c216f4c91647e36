package dev.statamcp.mcp.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.jsonrpc.Json;
import java.util.Objects;

/** A fixed resource ({@code resources/list}); optional fields may be null. */
public record Resource(String uri, String name, String title, String description, String mimeType, Long size,
                       ResourceReader reader) {

    public Resource {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reader, "reader");
    }

    public ObjectNode toJson() {
        ObjectNode node = Json.object().put("uri", uri).put("name", name);
        if (title != null) {
            node.put("title", title);
        }
        if (description != null) {
            node.put("description", description);
        }
        if (mimeType != null) {
            node.put("mimeType", mimeType);
        }
        if (size != null) {
            node.put("size", size);
        }
        return node;
    }
}
