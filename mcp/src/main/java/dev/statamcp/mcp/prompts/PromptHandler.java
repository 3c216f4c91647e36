package dev.statamcp.mcp.prompts;

import dev.statamcp.mcp.server.RequestContext;
import java.util.Map;

/** Produces a prompt's messages from its arguments (required ones are checked before the call). */
@FunctionalInterface
public interface PromptHandler {
    PromptResult get(Map<String, String> arguments, RequestContext context) throws Exception;
}
