package dev.statamcp.mcp.prompts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.jsonrpc.Json;
import dev.statamcp.mcp.jsonrpc.McpException;
import dev.statamcp.mcp.server.Catalog;
import dev.statamcp.mcp.server.RequestContext;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code prompts/list} and {@code prompts/get}. */
public final class PromptsFeature {
    private final Catalog<Prompt> prompts;
    private final int pageSize;

    public PromptsFeature(Catalog<Prompt> prompts, int pageSize) {
        this.prompts = prompts;
        this.pageSize = pageSize;
    }

    public JsonNode list(ObjectNode params) {
        Catalog.Page<Prompt> page = prompts.page(params.get("cursor"), pageSize);
        ObjectNode result = Json.object();
        ArrayNode array = result.putArray("prompts");
        page.items().forEach(prompt -> array.add(prompt.toJson()));
        if (page.nextCursor() != null) {
            result.put("nextCursor", page.nextCursor());
        }
        return result;
    }

    public JsonNode get(ObjectNode params, RequestContext context) throws Exception {
        String name = Json.text(params, "name");
        if (name == null) {
            throw McpException.invalidParams("'name' is required: the name of the prompt (a string)");
        }
        Prompt prompt = prompts.get(name);
        if (prompt == null) {
            throw McpException.invalidParams("unknown prompt '" + name + "'; call prompts/list to see the prompts this server offers");
        }
        Map<String, String> arguments = new LinkedHashMap<>();
        JsonNode given = params.get("arguments");
        if (given != null && given.isObject()) {
            given.properties().forEach(field -> arguments.put(field.getKey(), field.getValue().asText()));
        } else if (given != null && !given.isNull()) {
            throw McpException.invalidParams("'arguments' of prompt '" + name + "' must be an object of strings");
        }
        for (PromptArgument argument : prompt.arguments()) {
            if (argument.required() && !arguments.containsKey(argument.name())) {
                throw McpException.invalidParams("prompt '" + name + "' needs the argument '" + argument.name() + "'");
            }
        }
        return prompt.handler().get(arguments, context).toJson();
    }
}
