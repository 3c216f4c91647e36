package dev.statamcp.mcp.content;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.jsonrpc.Json;
import java.util.Base64;

/** A content block of a tool result or prompt message. */
public sealed interface Content {

    ObjectNode toJson();

    static Text text(String text) {
        return new Text(text);
    }

    static Image image(byte[] data, String mimeType) {
        return new Image(Base64.getEncoder().encodeToString(data), mimeType);
    }

    static Audio audio(byte[] data, String mimeType) {
        return new Audio(Base64.getEncoder().encodeToString(data), mimeType);
    }

    record Text(String text) implements Content {
        @Override
        public ObjectNode toJson() {
            ObjectNode node = Json.object().put("type", "text");
            node.put("text", text);
            return node;
        }
    }

    /** An image; {@code data} is base64. */
    record Image(String data, String mimeType) implements Content {
        @Override
        public ObjectNode toJson() {
            return Json.object().put("type", "image").put("data", data).put("mimeType", mimeType);
        }
    }

    /** Audio; {@code data} is base64. */
    record Audio(String data, String mimeType) implements Content {
        @Override
        public ObjectNode toJson() {
            return Json.object().put("type", "audio").put("data", data).put("mimeType", mimeType);
        }
    }

    /** A link to a resource the client may read later ({@code resource_link}). Optional fields may be null. */
    record ResourceLink(String uri, String name, String title, String description, String mimeType, Long size)
            implements Content {
        @Override
        public ObjectNode toJson() {
            ObjectNode node = Json.object().put("type", "resource_link").put("uri", uri).put("name", name);
            putIfPresent(node, "title", title);
            putIfPresent(node, "description", description);
            putIfPresent(node, "mimeType", mimeType);
            if (size != null) {
                node.put("size", size);
            }
            return node;
        }
    }

    /** A resource's contents embedded in the result. */
    record EmbeddedResource(ResourceContents resource) implements Content {
        @Override
        public ObjectNode toJson() {
            ObjectNode node = Json.object().put("type", "resource");
            node.set("resource", resource.toJson());
            return node;
        }
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
