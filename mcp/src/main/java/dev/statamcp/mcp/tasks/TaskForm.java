package dev.statamcp.mcp.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.jsonrpc.Json;
import dev.statamcp.mcp.jsonrpc.McpException;
import dev.statamcp.mcp.session.ClientSession;

/**
 * The two ways a client can speak tasks, decided per request.
 *
 * <p>{@link #EXTENSION} (the {@code io.modelcontextprotocol/tasks} extension, protocol revision 2026-07-28) when the
 * client declares the extension, either for the whole session in {@code initialize}
 * ({@code capabilities.extensions}) or on the request itself ({@code _meta} client capabilities). The declaration
 * is the signal, not the negotiated protocol version: this server's lifecycle negotiates up to 2025-11-25, and a
 * client that declares the extension there still gets its shapes. Otherwise {@link #SPEC_2025_11_25}, where a
 * client asks for a task with {@code params.task}.
 */
public enum TaskForm {
    SPEC_2025_11_25,
    EXTENSION;

    public static final String EXTENSION_ID = "io.modelcontextprotocol/tasks";
    /** Where a request carries the client's capabilities (2026-07-28). */
    public static final String CLIENT_CAPABILITIES_META = "io.modelcontextprotocol/clientCapabilities";
    public static final String RELATED_TASK_META = "io.modelcontextprotocol/related-task";
    public static final String IMMEDIATE_RESPONSE_META = "io.modelcontextprotocol/model-immediate-response";
    /** -32021: the request needs a client capability the client did not declare (2026-07-28). */
    public static final int MISSING_REQUIRED_CLIENT_CAPABILITY = -32021;

    public static TaskForm of(JsonNode params, ClientSession session) {
        return declaresExtension(params, session) ? EXTENSION : SPEC_2025_11_25;
    }

    static boolean declaresExtension(JsonNode params, ClientSession session) {
        JsonNode perRequest = params == null ? null : params.path("_meta").path(CLIENT_CAPABILITIES_META)
                .path("extensions").get(EXTENSION_ID);
        if (perRequest != null && perRequest.isObject()) {
            return true;
        }
        return session != null && session.clientCapabilities().path("extensions").path(EXTENSION_ID).isObject();
    }

    /** The error for an extension method called by a client that has not declared the extension. */
    static McpException missingExtension(String method) {
        ObjectNode data = Json.object();
        data.putObject("requiredCapabilities").putObject("extensions").putObject(EXTENSION_ID);
        return new McpException(MISSING_REQUIRED_CLIENT_CAPABILITY, "Missing required client capability: '" + method
                + "' belongs to the " + EXTENSION_ID + " extension; declare it in capabilities.extensions", data);
    }
}
