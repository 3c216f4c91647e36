package dev.statamcp.server.cli.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TomlConfigMergeTest {
    private static final TomlMapper TOML = new TomlMapper();
    private static final ServerLaunch LAUNCH = new ServerLaunch("/opt/stata mcp/bin/stata-mcp",
            List.of("serve", "--max-call-seconds", "300"), Map.of("JAVA_HOME", "C:\\Java \"17\""), "why");
    private static final String TABLE = Snippets.tomlTable("stata", LAUNCH);

    private static JsonNode parse(String toml) throws Exception {
        return TOML.readTree(toml);
    }

    @Test
    void theTableParsesWithTheTimeoutsAndEscapedStrings() throws Exception {
        JsonNode t = parse(TABLE).path("mcp_servers").path("stata");
        assertThat(t.path("command").asText()).isEqualTo("/opt/stata mcp/bin/stata-mcp");
        assertThat(t.path("args").toString()).isEqualTo("[\"serve\",\"--max-call-seconds\",\"300\"]");
        assertThat(t.path("env").path("JAVA_HOME").asText()).isEqualTo("C:\\Java \"17\"");
        assertThat(t.path("startup_timeout_sec").asInt()).isEqualTo(30);
        // A run returns its job id (after --max-call-seconds) before Codex gives up on the call.
        assertThat(t.path("tool_timeout_sec").asInt()).isGreaterThan(300);
    }

    @Test
    void noFileOrAnEmptyFileGetsJustTheTable() throws Exception {
        assertThat(TomlConfigMerge.merge(null, "stata", TABLE)).isEqualTo(TABLE);
        assertThat(TomlConfigMerge.merge("", "stata", TABLE)).isEqualTo(TABLE);
    }

    @Test
    void appendsAfterEverythingElseWhichStaysByteForByte() throws Exception {
        String before = "# mine\nmodel = \"o3\"   # keep this comment\n\n[mcp_servers.other]\ncommand = \"npx\"\n\n";
        String after = TomlConfigMerge.merge(before, "stata", TABLE);
        assertThat(after).startsWith("# mine\nmodel = \"o3\"   # keep this comment\n\n[mcp_servers.other]\n"
                + "command = \"npx\"\n\n[mcp_servers.stata]\n").endsWith(TABLE);
        assertThat(parse(after).path("mcp_servers").path("other").path("command").asText()).isEqualTo("npx");
    }

    @Test
    void replacesAnOldEntryAndItsSubTablesWhereItStood() throws Exception {
        String before = """
                model = "o3"

                # the stata server
                [mcp_servers."stata"]
                command = "old"
                args = []

                [mcp_servers.stata.env]
                FOO = "bar"

                # profiles
                [profiles.fast]
                model = "x"
                """;
        String after = TomlConfigMerge.merge(before, "stata", TABLE);
        assertThat(after).doesNotContain("old", "FOO").contains("# the stata server\n" + TABLE + "\n# profiles\n"
                + "[profiles.fast]\nmodel = \"x\"\n");
        JsonNode doc = parse(after);
        assertThat(doc.path("profiles").path("fast").path("model").asText()).isEqualTo("x");
        assertThat(doc.path("mcp_servers").path("stata").path("env").has("FOO")).isFalse();
        // Running it again changes nothing.
        assertThat(TomlConfigMerge.merge(after, "stata", TABLE)).isEqualTo(after);
    }

    @Test
    void keepsWindowsLineEnds() throws Exception {
        String after = TomlConfigMerge.merge("a = 1\r\n", "stata", TABLE);
        assertThat(after).isEqualTo("a = 1\r\n\r\n" + TABLE.replace("\n", "\r\n"));
    }

    @Test
    void refusesWhatItCannotEditSafely() {
        assertThatThrownBy(() -> TomlConfigMerge.merge("a = = 1\n", "stata", TABLE))
                .isInstanceOf(ConfigMergeException.class).hasMessageContaining("not valid TOML");
        // The entry written as an inline table: adding the table would define it twice.
        assertThatThrownBy(() -> TomlConfigMerge.merge("[mcp_servers]\nstata = { command = \"x\" }\n", "stata",
                TABLE)).isInstanceOf(ConfigMergeException.class).hasMessageContaining("by hand");
        // A multi-line array whose line looks like our header must not be cut.
        String tricky = "x = [\n[mcp_servers.stata]\n]\n";
        assertThatThrownBy(() -> TomlConfigMerge.merge(tricky, "stata", TABLE))
                .isInstanceOf(ConfigMergeException.class);
    }

    @Test
    void headerKeysAreReadLikeTomlReadsThem() {
        assertThat(TomlConfigMerge.keyPath("mcp_servers . \"stata\"")).containsExactly("mcp_servers", "stata");
        assertThat(TomlConfigMerge.keyPath("'a.b'.c")).containsExactly("a.b", "c");
        assertThat(TomlConfigMerge.isOurs(List.of("mcp_servers", "stata", "env"), "stata")).isTrue();
        assertThat(TomlConfigMerge.isOurs(List.of("mcp_servers", "stata2"), "stata")).isFalse();
    }
}
