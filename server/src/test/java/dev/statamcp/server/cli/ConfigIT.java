package dev.statamcp.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.statamcp.server.json.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code stata-mcp config CLIENT} for each client: output that parses and names real paths; --write keeps a backup. */
class ConfigIT {
    @TempDir
    Path dir;
    Path home;
    Path project;

    @BeforeEach
    void folders() throws Exception {
        home = Files.createDirectories(dir.resolve("home"));
        project = Files.createDirectories(dir.resolve("project"));
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("PATH", System.getenv("PATH"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("STATA_PATH", CliProcess.FAKESTATA.toString());
        return env;
    }

    private CliProcess.Result config(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("config"));
        all.addAll(Arrays.asList(args));
        CliProcess.Result r = CliProcess.run(CliProcess.launcher(all.toArray(String[]::new)), env(), project);
        assertThat(r.err()).doesNotContain("\tat ");
        return r;
    }

    /** The server entry's command and args must point at files that exist, and the env at this Java. */
    private static void namesRealPaths(JsonNode entry) {
        assertThat(Path.of(entry.path("command").asText())).isAbsolute().isExecutable();
        assertThat(entry.path("args").get(0).asText()).isEqualTo("serve");
        assertThat(Path.of(entry.at("/env/JAVA_HOME").asText(), "bin", "java")).isExecutable();
        assertThat(entry.at("/env/STATA_PATH").asText()).isEqualTo(CliProcess.FAKESTATA.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"claude-desktop", "cursor", "vscode"})
    void jsonClientsGetJsonThatParses(String client) throws Exception {
        CliProcess.Result r = config(client);
        assertThat(r.exit()).as(r.all()).isZero();
        JsonNode doc = Json.parse(r.out());
        String key = client.equals("vscode") ? "servers" : "mcpServers";
        assertThat(doc.size()).isEqualTo(1);
        JsonNode entry = doc.path(key).path("stata");
        namesRealPaths(entry);
        assertThat(entry.path("command").asText()).isEqualTo(CliProcess.LAUNCHER.toString());
        if (client.equals("vscode")) {
            assertThat(entry.path("type").asText()).isEqualTo("stdio");
        }
        assertThat(r.err()).contains("JAVA_HOME");
    }

    @Test
    void codexGetsATomlTableWithTimeoutsAndCallsThatReturnInTime() throws Exception {
        CliProcess.Result r = config("codex");
        assertThat(r.exit()).as(r.all()).isZero();
        JsonNode table = new TomlMapper().readTree(r.out()).path("mcp_servers").path("stata");
        namesRealPaths(table);
        List<String> args = new ArrayList<>();
        table.path("args").forEach(a -> args.add(a.asText()));
        assertThat(args).containsExactly("serve", "--max-call-seconds", "300");
        assertThat(table.path("startup_timeout_sec").asInt()).isGreaterThanOrEqualTo(20);
        assertThat(table.path("tool_timeout_sec").asInt()).isGreaterThan(300);
    }

    @Test
    void claudeCodeGetsTheCommandToRun() throws Exception {
        CliProcess.Result r = config("claude-code");
        assertThat(r.exit()).as(r.all()).isZero();
        List<String> words = List.of(r.out().strip().split(" "));
        assertThat(words.subList(0, 6)).containsExactly("claude", "mcp", "add", "stata", "--scope", "user");
        assertThat(words).contains("JAVA_HOME=" + System.getProperty("java.home"),
                "STATA_PATH=" + CliProcess.FAKESTATA);
        int dashes = words.indexOf("--");
        assertThat(Path.of(words.get(dashes + 1))).isEqualTo(CliProcess.LAUNCHER).isExecutable();
        assertThat(words.subList(dashes + 2, words.size())).containsExactly("serve");
    }

    @Test
    void writeMergesIntoExistingJsonFilesAfterABackup() throws Exception {
        Path cursor = Files.createDirectories(home.resolve(".cursor")).resolve("mcp.json");
        String before = "{\"mcpServers\": {\"other\": {\"command\": \"npx\", \"args\": [\"-y\", \"other\"]}},"
                + " \"something\": {\"else\": true}}";
        Files.writeString(cursor, before);
        CliProcess.Result r = config("cursor", "--write");
        assertThat(r.exit()).as(r.all()).isZero();
        JsonNode doc = Json.parse(Files.readString(cursor));
        assertThat(doc.at("/mcpServers/other/args/1").asText()).isEqualTo("other");
        assertThat(doc.at("/something/else").asBoolean()).isTrue();
        namesRealPaths(doc.at("/mcpServers/stata"));
        assertThat(backups(cursor)).singleElement().satisfies(b -> assertThat(Files.readString(b)).isEqualTo(before));
        assertThat(r.out()).contains("Updated " + cursor, "saved as");

        // vscode and claude-code write into the current folder.
        assertThat(config("vscode", "--write").exit()).isZero();
        assertThat(Json.parse(Files.readString(project.resolve(".vscode/mcp.json"))).at("/servers/stata/type")
                .asText()).isEqualTo("stdio");
        assertThat(config("claude-code", "--write").exit()).isZero();
        namesRealPaths(Json.parse(Files.readString(project.resolve(".mcp.json"))).at("/mcpServers/stata"));
        assertThat(config("claude-desktop", "--write").exit()).isZero();
        namesRealPaths(Json.parse(Files.readString(home.resolve(".config/Claude/claude_desktop_config.json")))
                .at("/mcpServers/stata"));
    }

    @Test
    void writeEditsOnlyTheStataTableOfCodexConfig() throws Exception {
        Path toml = Files.createDirectories(home.resolve(".codex")).resolve("config.toml");
        String before = "# my settings\nmodel = \"o3\"\n\n[mcp_servers.stata]\ncommand = \"old\"\n\n"
                + "[mcp_servers.stata.env]\nOLD = \"1\"\n\n[mcp_servers.docs]\ncommand = \"docs\"  # keep\n";
        Files.writeString(toml, before);
        CliProcess.Result r = config("codex", "--write");
        assertThat(r.exit()).as(r.all()).isZero();
        String after = Files.readString(toml);
        assertThat(after).startsWith("# my settings\nmodel = \"o3\"\n\n[mcp_servers.stata]\n")
                .endsWith("\n[mcp_servers.docs]\ncommand = \"docs\"  # keep\n").doesNotContain("OLD", "\"old\"");
        JsonNode doc = new TomlMapper().readTree(after);
        namesRealPaths(doc.at("/mcp_servers/stata"));
        assertThat(doc.at("/mcp_servers/docs/command").asText()).isEqualTo("docs");
        assertThat(backups(toml)).singleElement().satisfies(b -> assertThat(Files.readString(b)).isEqualTo(before));
    }

    @Test
    void aFileItCannotEditSafelyIsLeftAsItWas() throws Exception {
        Path vscode = Files.createDirectories(project.resolve(".vscode")).resolve("mcp.json");
        String before = "{\n  // my servers\n  \"servers\": {}\n}\n";
        Files.writeString(vscode, before);
        CliProcess.Result r = config("vscode", "--write");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("was not changed", "comments");
        assertThat(Files.readString(vscode)).isEqualTo(before);
        assertThat(backups(vscode)).isEmpty();
        Json.parse(r.out()); // the entry to add by hand
    }

    @Test
    void theSnippetStartsAServerThatAnswers() throws Exception {
        JsonNode entry = Json.parse(config("cursor").out()).at("/mcpServers/stata");
        List<String> command = new ArrayList<>(List.of(entry.path("command").asText()));
        entry.path("args").forEach(a -> command.add(a.asText()));
        // As a desktop client starts it: a minimal PATH without java, and the snippet's own environment.
        ProcessBuilder pb = new ProcessBuilder(command).directory(project.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().put("HOME", home.toString());
        entry.path("env").fields().forEachRemaining(e -> pb.environment().put(e.getKey(), e.getValue().asText()));
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                    + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(Json.parse(line).at("/result/serverInfo/name").asText()).isEqualTo("stata-mcp");
    }

    private static List<Path> backups(Path file) throws Exception {
        try (Stream<Path> files = Files.list(file.getParent())) {
            return files.filter(f -> f.getFileName().toString().startsWith(file.getFileName() + ".bak-")).toList();
        }
    }
}
