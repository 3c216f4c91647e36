package dev.statamcp.mcp.prompts;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.jsonrpc.Json;
import java.util.List;
import java.util.Objects;

/** A prompt template as registered. */
public record Prompt(String name, String title, String description, List<PromptArgument> arguments,
                     PromptHandler handler) {

    public Prompt {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(handler, "handler");
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
    }

    public ObjectNode toJson() {
        ObjectNode node = Json.object().put("name", name);
        if (title != null) {
            node.put("title", title);
        }
        if (description != null) {
            node.put("description", description);
        }
        if (!arguments.isEmpty()) {
            ArrayNode array = node.putArray("arguments");
            arguments.forEach(argument -> array.add(argument.toJson()));
        }
        return node;
    }
}
