package dev.statamcp.mcp.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.jsonrpc.Json;
import dev.statamcp.mcp.jsonrpc.McpException;
import dev.statamcp.mcp.schema.SchemaValidator;
import dev.statamcp.mcp.server.Catalog;
import dev.statamcp.mcp.server.RequestContext;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code tools/list} and {@code tools/call}. */
public final class ToolsFeature {
    private static final Logger LOG = LoggerFactory.getLogger(ToolsFeature.class);

    private final Catalog<Tool> tools;
    private final int pageSize;
    private final ToolCallInterceptor interceptor;

    public ToolsFeature(Catalog<Tool> tools, int pageSize, ToolCallInterceptor interceptor) {
        this.tools = tools;
        this.pageSize = pageSize;
        this.interceptor = interceptor;
    }

    public JsonNode list(ObjectNode params) {
        Catalog.Page<Tool> page = tools.page(params.get("cursor"), pageSize);
        ObjectNode result = Json.object();
        ArrayNode array = result.putArray("tools");
        page.items().forEach(tool -> array.add(tool.toJson()));
        if (page.nextCursor() != null) {
            result.put("nextCursor", page.nextCursor());
        }
        return result;
    }

    /** Checks the call's name and arguments; runs on the transport thread so bad calls are answered at once. */
    public ToolCall prepare(ObjectNode params) {
        JsonNode nameNode = params.get("name");
        if (nameNode == null || !nameNode.isTextual()) {
            throw McpException.invalidParams("'name' is required: the name of the tool to call (a string)");
        }
        String name = nameNode.textValue();
        Tool tool = tools.get(name);
        if (tool == null) {
            throw McpException.invalidParams("unknown tool '" + name + "'; call tools/list to see the tools this server offers");
        }
        JsonNode arguments = params.get("arguments");
        if (arguments == null || arguments.isNull()) {
            arguments = Json.object();
        }
        if (!arguments.isObject()) {
            throw McpException.invalidParams("'arguments' of tool '" + name + "' must be an object");
        }
        List<String> problems = SchemaValidator.validate(tool.inputSchema(), arguments);
        if (!problems.isEmpty()) {
            throw McpException.invalidParams("tool '" + name + "': " + String.join("; ", problems));
        }
        return new ToolCall(tool, SchemaValidator.applyDefaults(tool.inputSchema(), (ObjectNode) arguments), params);
    }

    /** Runs a prepared call on the current (worker) thread. */
    public JsonNode call(ToolCall call, RequestContext context) throws Exception {
        if (interceptor != null) {
            JsonNode intercepted = interceptor.intercept(call, context);
            if (intercepted != null) {
                return intercepted;
            }
        }
        return run(call, context).toJson();
    }

    /** Runs the tool's handler and turns failures a model should see into {@code isError} results. */
    public static ToolResult run(ToolCall call, RequestContext context) throws InterruptedException {
        Tool tool = call.tool();
        ToolResult result;
        try {
            result = tool.handler().call(call.arguments(), context);
        } catch (McpException | InterruptedException e) {
            throw e;
        } catch (Exception e) {
            LOG.warn("tool {} failed", tool.name(), e);
            String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            return ToolResult.error("Tool '" + tool.name() + "' failed: " + reason);
        }
        if (result == null) {
            return ToolResult.error("Tool '" + tool.name() + "' returned no result");
        }
        if (tool.outputSchema() != null && !result.isError()) {
            List<String> problems = result.structuredContent() == null
                    ? List.of("structuredContent is missing")
                    : SchemaValidator.validate(tool.outputSchema(), result.structuredContent());
            if (!problems.isEmpty()) {
                LOG.error("tool {} produced output outside its outputSchema: {}", tool.name(), problems);
                return ToolResult.error("Tool '" + tool.name() + "' produced output that does not match its outputSchema: "
                        + String.join("; ", problems));
            }
        }
        return result;
    }
}
