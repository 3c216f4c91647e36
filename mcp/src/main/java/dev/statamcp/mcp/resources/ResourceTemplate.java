package dev.statamcp.mcp.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.jsonrpc.Json;
import java.util.Objects;

/** A family of resources addressed by an RFC 6570 template such as {@code stata://jobs/{id}/log}. */
public record ResourceTemplate(String uriTemplate, String name, String title, String description, String mimeType,
                               ResourceReader reader) {

    public ResourceTemplate {
        Objects.requireNonNull(uriTemplate, "uriTemplate");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reader, "reader");
    }

    public UriTemplate template() {
        return UriTemplate.parse(uriTemplate);
    }

    public ObjectNode toJson() {
        ObjectNode node = Json.object().put("uriTemplate", uriTemplate).put("name", name);
        if (title != null) {
            node.put("title", title);
        }
        if (description != null) {
            node.put("description", description);
        }
        if (mimeType != null) {
            node.put("mimeType", mimeType);
        }
        return node;
    }
}
