package dev.statamcp.mcp.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.jsonrpc.Json;
import org.junit.jupiter.api.Test;

class SchemaValidatorTest {
    private static final JsonNode SCHEMA = Json.parse("{\"type\":\"object\",\"properties\":{"
            + "\"code\":{\"type\":\"string\",\"minLength\":1},"
            + "\"timeout\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":86400,\"default\":600},"
            + "\"mode\":{\"type\":\"string\",\"enum\":[\"batch\",\"console\"]},"
            + "\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},"
            + "\"ratio\":{\"type\":[\"number\",\"null\"]}},"
            + "\"required\":[\"code\"],\"additionalProperties\":false}");

    private static String problems(String json) {
        return String.join("; ", SchemaValidator.validate(SCHEMA, Json.parse(json)));
    }

    @Test
    void acceptsConformingArguments() {
        assertThat(SchemaValidator.validate(SCHEMA, Json.parse(
                "{\"code\":\"sum x\",\"timeout\":5,\"mode\":\"batch\",\"tags\":[\"a\"],\"ratio\":null}"))).isEmpty();
        assertThat(SchemaValidator.validate(SCHEMA, Json.parse("{\"code\":\"x\",\"timeout\":5.0,\"ratio\":0.5}"))).isEmpty();
    }

    @Test
    void namesTheFieldAndWhatIsExpected() {
        assertThat(problems("{}")).isEqualTo("'code' is required (a string) but missing");
        assertThat(problems("{\"code\":\"\"}")).contains("'code' must have at least 1 characters");
        assertThat(problems("{\"code\":\"x\",\"timeout\":0}")).isEqualTo("'timeout' must be at least 1, got 0");
        assertThat(problems("{\"code\":\"x\",\"timeout\":1.5}")).isEqualTo("'timeout' must be an integer, got the number 1.5");
        assertThat(problems("{\"code\":\"x\",\"mode\":\"gui\"}")).isEqualTo("'mode' must be one of [\"batch\",\"console\"], got \"gui\"");
        assertThat(problems("{\"code\":\"x\",\"tags\":[1]}")).isEqualTo("'tags[0]' must be a string, got the integer 1");
        assertThat(problems("{\"code\":\"x\",\"ratio\":\"high\"}")).isEqualTo("'ratio' must be a number or null, got the string \"high\"");
        assertThat(problems("{\"code\":\"x\",\"colour\":1}")).startsWith("'colour' is not a known parameter (known: code, timeout");
        assertThat(String.join("", SchemaValidator.validate(SCHEMA, Json.parse("[]")))).isEqualTo("arguments must be an object, got an array");
    }

    @Test
    void followsLocalReferencesAndCombinators() {
        JsonNode schema = Json.parse("{\"$defs\":{\"pos\":{\"type\":\"integer\",\"exclusiveMinimum\":0}},"
                + "\"type\":\"object\",\"properties\":{\"n\":{\"$ref\":\"#/$defs/pos\"},"
                + "\"v\":{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"boolean\"}]}}}");
        assertThat(SchemaValidator.validate(schema, Json.parse("{\"n\":3,\"v\":true}"))).isEmpty();
        assertThat(SchemaValidator.validate(schema, Json.parse("{\"n\":0}"))).containsExactly("'n' must be greater than 0, got 0");
        assertThat(SchemaValidator.validate(schema, Json.parse("{\"v\":1}"))).containsExactly("'v' does not match any of the allowed forms");
    }

    @Test
    void fillsInDefaults() {
        ObjectNode filled = SchemaValidator.applyDefaults(SCHEMA, (ObjectNode) Json.parse("{\"code\":\"x\"}"));
        assertThat(filled.get("timeout").asInt()).isEqualTo(600);
        assertThat(SchemaValidator.applyDefaults(SCHEMA, (ObjectNode) Json.parse("{\"timeout\":3}")).get("timeout").asInt()).isEqualTo(3);
    }
}
