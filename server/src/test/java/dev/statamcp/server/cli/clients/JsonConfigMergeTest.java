package dev.statamcp.server.cli.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.server.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonConfigMergeTest {
    private static final ServerLaunch LAUNCH = new ServerLaunch("/x/bin/stata-mcp", List.of("serve"),
            Map.of("JAVA_HOME", "/jdk"), "why");

    @Test
    void createsTheFileWhenThereIsNone() throws Exception {
        JsonNode doc = Json.parse(JsonConfigMerge.merge(null, "mcpServers", "stata",
                Snippets.jsonEntry(Client.CURSOR, LAUNCH)));
        assertThat(doc.at("/mcpServers/stata/command").asText()).isEqualTo("/x/bin/stata-mcp");
        assertThat(doc.at("/mcpServers/stata/args/0").asText()).isEqualTo("serve");
        assertThat(doc.at("/mcpServers/stata/env/JAVA_HOME").asText()).isEqualTo("/jdk");
        assertThat(doc.at("/mcpServers/stata").has("type")).isFalse();
    }

    @Test
    void keepsEveryOtherKeyAndServerInTheirOrder() throws Exception {
        String before = "{\"theme\": \"dark\", \"servers\": {\"a\": {\"command\": \"a\"}, \"stata\": {\"command\": \"old\"},"
                + " \"z\": {\"command\": \"z\", \"args\": [1, 2]}}, \"inputs\": []}";
        ObjectNode entry = Snippets.jsonEntry(Client.VSCODE, LAUNCH);
        String after = JsonConfigMerge.merge(before, "servers", "stata", entry);
        JsonNode doc = Json.parse(after);
        assertThat(fieldNames(doc)).containsExactly("theme", "servers", "inputs");
        assertThat(fieldNames(doc.get("servers"))).containsExactly("a", "stata", "z");
        assertThat(doc.at("/servers/z/args").toString()).isEqualTo("[1,2]");
        assertThat(doc.at("/servers/stata/type").asText()).isEqualTo("stdio");
        assertThat(doc.at("/servers/stata/command").asText()).isEqualTo("/x/bin/stata-mcp");
        assertThat(after).contains("\"theme\": \"dark\"").endsWith("}\n");
    }

    @Test
    void leavesFilesItCannotRewriteFaithfullyAlone() {
        ObjectNode entry = Snippets.jsonEntry(Client.VSCODE, LAUNCH);
        assertThatThrownBy(() -> JsonConfigMerge.merge("{\n  // mine\n  \"servers\": {},\n}", "servers", "stata",
                entry)).isInstanceOf(ConfigMergeException.class).hasMessageContaining("comments");
        assertThatThrownBy(() -> JsonConfigMerge.merge("{\"servers\": ", "servers", "stata", entry))
                .isInstanceOf(ConfigMergeException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> JsonConfigMerge.merge("[1]", "servers", "stata", entry))
                .isInstanceOf(ConfigMergeException.class).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> JsonConfigMerge.merge("{\"servers\": []}", "servers", "stata", entry))
                .isInstanceOf(ConfigMergeException.class).hasMessageContaining("\"servers\"");
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
