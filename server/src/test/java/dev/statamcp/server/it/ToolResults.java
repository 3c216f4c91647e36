package dev.statamcp.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statamcp.server.json.Json;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;

/** Calling the server's tools through the official Java SDK client and reading their results, for the ITs. */
final class ToolResults {
    private ToolResults() {
    }

    static McpSchema.CallToolResult call(McpSyncClient client, String tool, Map<String, Object> args) {
        return client.callTool(McpSchema.CallToolRequest.builder().name(tool).arguments(args).build());
    }

    static JsonNode structured(McpSchema.CallToolResult r) {
        return Json.MAPPER.valueToTree(r.structuredContent());
    }

    /** isError is left out of a successful result, which the SDK reads as null. */
    static boolean isError(McpSchema.CallToolResult r) {
        return Boolean.TRUE.equals(r.isError());
    }

    /** The text blocks of a result, one per line. */
    static String text(McpSchema.CallToolResult r) {
        StringBuilder sb = new StringBuilder();
        for (McpSchema.Content c : r.content()) {
            if (c instanceof McpSchema.TextContent t) {
                sb.append(t.text()).append('\n');
            }
        }
        return sb.toString();
    }

    static String status(McpSyncClient client, String jobId) {
        return structured(call(client, "stata_job_status", Map.of("job_id", jobId))).get("status").asText();
    }
}
