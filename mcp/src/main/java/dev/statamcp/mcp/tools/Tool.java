package dev.statamcp.mcp.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.jsonrpc.Json;
import java.util.Objects;

/**
 * A tool as registered: its definition (what {@code tools/list} shows) and its handler.
 *
 * @param taskSupport {@code execution.taskSupport} ("forbidden", "optional", "required") or null to leave it out
 */
public record Tool(String name, String title, String description, ObjectNode inputSchema, ObjectNode outputSchema,
                   ToolAnnotations annotations, String taskSupport, ObjectNode meta, ToolHandler handler) {

    public Tool {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(inputSchema, "inputSchema");
        Objects.requireNonNull(handler, "handler");
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public ObjectNode toJson() {
        ObjectNode node = Json.object().put("name", name);
        if (title != null) {
            node.put("title", title);
        }
        if (description != null) {
            node.put("description", description);
        }
        node.set("inputSchema", inputSchema);
        if (outputSchema != null) {
            node.set("outputSchema", outputSchema);
        }
        if (annotations != null) {
            node.set("annotations", annotations.toJson());
        }
        if (taskSupport != null) {
            node.putObject("execution").put("taskSupport", taskSupport);
        }
        if (meta != null) {
            node.set("_meta", meta);
        }
        return node;
    }

    /** Builds a {@link Tool}; the input schema defaults to an object without properties. */
    public static final class Builder {
        private final String name;
        private String title;
        private String description;
        private ObjectNode inputSchema;
        private ObjectNode outputSchema;
        private ToolAnnotations annotations;
        private String taskSupport;
        private ObjectNode meta;
        private ToolHandler handler;

        private Builder(String name) {
            this.name = name;
        }

        public Builder title(String value) {
            this.title = value;
            return this;
        }

        public Builder description(String value) {
            this.description = value;
            return this;
        }

        public Builder inputSchema(JsonNode value) {
            this.inputSchema = (ObjectNode) value;
            return this;
        }

        public Builder inputSchema(String json) {
            return inputSchema(Json.parse(json));
        }

        public Builder outputSchema(JsonNode value) {
            this.outputSchema = (ObjectNode) value;
            return this;
        }

        public Builder outputSchema(String json) {
            return outputSchema(Json.parse(json));
        }

        public Builder annotations(ToolAnnotations value) {
            this.annotations = value;
            return this;
        }

        public Builder taskSupport(String value) {
            this.taskSupport = value;
            return this;
        }

        public Builder meta(ObjectNode value) {
            this.meta = value;
            return this;
        }

        public Builder handler(ToolHandler value) {
            this.handler = value;
            return this;
        }

        public Tool build() {
            ObjectNode schema = inputSchema != null ? inputSchema : Json.object().put("type", "object");
            if (!schema.has("type")) {
                schema.put("type", "object");
            }
            return new Tool(name, title, description, schema, outputSchema, annotations, taskSupport, meta, handler);
        }
    }
}
