package dev.statamcp.mcp.resources;

import dev.statamcp.mcp.content.ResourceContents;
import dev.statamcp.mcp.server.RequestContext;
import java.util.List;
import java.util.Map;

/**
 * Reads a resource. {@code variables} holds the values of a template's {@code {name}} parts (empty for a fixed
 * resource). Throw {@link dev.statamcp.mcp.jsonrpc.McpException} with code -32002 when the resource does not exist.
 */
@FunctionalInterface
public interface ResourceReader {
    List<ResourceContents> read(String uri, Map<String, String> variables, RequestContext context) throws Exception;
}
