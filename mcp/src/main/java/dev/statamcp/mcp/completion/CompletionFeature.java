package dev.statamcp.mcp.completion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.jsonrpc.Json;
import dev.statamcp.mcp.jsonrpc.McpException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code completion/complete}: asks the registered providers in order. */
public final class CompletionFeature {
    private static final int MAX_VALUES = 100;
    private final List<CompletionProvider> providers;

    public CompletionFeature(List<CompletionProvider> providers) {
        this.providers = List.copyOf(providers);
    }

    public boolean isEnabled() {
        return !providers.isEmpty();
    }

    public JsonNode complete(ObjectNode params) throws Exception {
        JsonNode ref = params.get("ref");
        JsonNode argument = params.get("argument");
        if (ref == null || !ref.isObject() || argument == null || !argument.isObject()) {
            throw McpException.invalidParams("'ref' (the prompt or resource template) and 'argument' ({name, value}) are required");
        }
        String refType = ref.path("type").asText();
        String refName = "ref/resource".equals(refType) ? ref.path("uri").asText() : ref.path("name").asText();
        Map<String, String> context = new LinkedHashMap<>();
        JsonNode given = params.path("context").path("arguments");
        if (given.isObject()) {
            given.properties().forEach(field -> context.put(field.getKey(), field.getValue().asText()));
        }
        CompletionProvider.Completion completion = null;
        for (CompletionProvider provider : providers) {
            completion = provider.complete(refType, refName, argument.path("name").asText(),
                    argument.path("value").asText(""), context);
            if (completion != null) {
                break;
            }
        }
        if (completion == null) {
            completion = CompletionProvider.Completion.empty();
        }
        ObjectNode body = Json.object();
        ArrayNode values = body.putArray("values");
        completion.values().stream().limit(MAX_VALUES).forEach(values::add);
        if (completion.total() != null) {
            body.put("total", completion.total());
        }
        body.put("hasMore", completion.hasMore() || completion.values().size() > MAX_VALUES);
        ObjectNode result = Json.object();
        result.set("completion", body);
        return result;
    }
}
