package dev.statamcp.bench.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Building tool arguments and reading tool results of the real server. */
public final class Tools {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Tools() {
    }

    /** Arguments from name/value pairs ({@code args("code", "display 1", "background", true)}). */
    public static ObjectNode args(Object... pairs) {
        ObjectNode node = MAPPER.createObjectNode();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            node.set((String) pairs[i], MAPPER.valueToTree(pairs[i + 1]));
        }
        return node;
    }

    public static JsonNode structured(JsonNode result) {
        return result.path("structuredContent");
    }

    /** The text of the first content block (what a model reads). */
    public static String text(JsonNode result) {
        return result.path("content").path(0).path("text").asText("");
    }

    public static boolean isError(JsonNode result) {
        return result.path("isError").asBoolean(false);
    }

    public static String status(JsonNode result) {
        return structured(result).path("status").asText("");
    }

    public static String jobId(JsonNode result) {
        return structured(result).path("job_id").asText(null);
    }
}
