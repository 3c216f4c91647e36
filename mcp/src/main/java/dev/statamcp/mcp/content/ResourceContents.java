package dev.statamcp.mcp.content;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.jsonrpc.Json;
import java.util.Base64;

/** The contents of a resource: text or binary ({@code blob}, base64). */
public sealed interface ResourceContents {
    String uri();

    String mimeType();

    ObjectNode toJson();

    static TextContents text(String uri, String mimeType, String text) {
        return new TextContents(uri, mimeType, text);
    }

    static BlobContents blob(String uri, String mimeType, byte[] data) {
        return new BlobContents(uri, mimeType, Base64.getEncoder().encodeToString(data));
    }

    record TextContents(String uri, String mimeType, String text) implements ResourceContents {
        @Override
        public ObjectNode toJson() {
            ObjectNode node = Json.object().put("uri", uri);
            if (mimeType != null) {
                node.put("mimeType", mimeType);
            }
            return node.put("text", text);
        }
    }

    record BlobContents(String uri, String mimeType, String blob) implements ResourceContents {
        @Override
        public ObjectNode toJson() {
            ObjectNode node = Json.object().put("uri", uri);
            if (mimeType != null) {
                node.put("mimeType", mimeType);
            }
            return node.put("blob", blob);
        }
    }
}
