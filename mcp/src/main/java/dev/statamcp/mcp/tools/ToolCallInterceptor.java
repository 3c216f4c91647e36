package dev.statamcp.mcp.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statamcp.mcp.server.RequestContext;

/**
 * Sees every validated {@code tools/call} before the tool's handler runs. Returns a result to answer with (for
 * example a {@code CreateTaskResult} when the call carries {@code task}), or null to let the handler run as usual.
 */
@FunctionalInterface
public interface ToolCallInterceptor {
    JsonNode intercept(ToolCall call, RequestContext context) throws Exception;
}
