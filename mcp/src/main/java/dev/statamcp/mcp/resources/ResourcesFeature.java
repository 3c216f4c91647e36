package dev.statamcp.mcp.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.content.ResourceContents;
import dev.statamcp.mcp.jsonrpc.Json;
import dev.statamcp.mcp.jsonrpc.JsonRpcError;
import dev.statamcp.mcp.jsonrpc.McpException;
import dev.statamcp.mcp.server.Catalog;
import dev.statamcp.mcp.server.RequestContext;
import dev.statamcp.mcp.session.McpSession;
import java.util.List;
import java.util.Map;

/** {@code resources/list}, {@code resources/templates/list}, {@code resources/read}, (un)subscribe. */
public final class ResourcesFeature {
    private final Catalog<Resource> resources;
    private final Catalog<ResourceTemplate> templates;
    private final int pageSize;

    public ResourcesFeature(Catalog<Resource> resources, Catalog<ResourceTemplate> templates, int pageSize) {
        this.resources = resources;
        this.templates = templates;
        this.pageSize = pageSize;
    }

    public JsonNode list(ObjectNode params) {
        Catalog.Page<Resource> page = resources.page(params.get("cursor"), pageSize);
        ObjectNode result = Json.object();
        ArrayNode array = result.putArray("resources");
        page.items().forEach(resource -> array.add(resource.toJson()));
        if (page.nextCursor() != null) {
            result.put("nextCursor", page.nextCursor());
        }
        return result;
    }

    public JsonNode listTemplates(ObjectNode params) {
        Catalog.Page<ResourceTemplate> page = templates.page(params.get("cursor"), pageSize);
        ObjectNode result = Json.object();
        ArrayNode array = result.putArray("resourceTemplates");
        page.items().forEach(template -> array.add(template.toJson()));
        if (page.nextCursor() != null) {
            result.put("nextCursor", page.nextCursor());
        }
        return result;
    }

    public JsonNode read(ObjectNode params, RequestContext context) throws Exception {
        String uri = requireUri(params);
        List<ResourceContents> contents = null;
        Resource resource = resources.get(uri);
        if (resource != null) {
            contents = resource.reader().read(uri, Map.of(), context);
        } else {
            for (ResourceTemplate template : templates.all()) {
                Map<String, String> variables = template.template().match(uri);
                if (variables != null) {
                    contents = template.reader().read(uri, variables, context);
                    break;
                }
            }
        }
        if (contents == null) {
            throw notFound(uri);
        }
        ObjectNode result = Json.object();
        ArrayNode array = result.putArray("contents");
        contents.forEach(item -> array.add(item.toJson()));
        return result;
    }

    public JsonNode subscribe(ObjectNode params, McpSession session) {
        session.subscribe(requireUri(params));
        return Json.object();
    }

    public JsonNode unsubscribe(ObjectNode params, McpSession session) {
        session.unsubscribe(requireUri(params));
        return Json.object();
    }

    public static McpException notFound(String uri) {
        ObjectNode data = Json.object().put("uri", uri);
        return new McpException(JsonRpcError.RESOURCE_NOT_FOUND,
                "Resource not found: " + uri + " (list resources and templates to see what exists)", data);
    }

    private static String requireUri(ObjectNode params) {
        String uri = Json.text(params, "uri");
        if (uri == null || uri.isEmpty()) {
            throw McpException.invalidParams("'uri' is required: the URI of the resource (a string)");
        }
        return uri;
    }
}
