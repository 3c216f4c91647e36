package dev.statamcp.server.cli.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statamcp.stata.process.Platform;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerLaunchTest {
    private static final SelfLocation CHECKOUT = new SelfLocation(Path.of("/src/stata-mcp/server/target/stata-mcp.jar"),
            Optional.of(Path.of("/src/stata-mcp/bin/stata-mcp")),
            Optional.of(Path.of("/src/stata-mcp/server/target/stata-mcp.jsa")), Path.of("/jdk17/bin/java"));

    private static ClientEnv env(Platform platform, Map<String, String> vars) {
        return new ClientEnv(Path.of("/home/u"), Path.of("/home/u/proj"), vars, platform);
    }

    @Test
    void unixClientsRunTheLauncherWithThisJava() {
        ServerLaunch l = ServerLaunch.forClient(Client.CURSOR, CHECKOUT, env(Platform.LINUX, Map.of()));
        assertThat(l.command()).isEqualTo("/src/stata-mcp/bin/stata-mcp");
        assertThat(l.args()).containsExactly("serve");
        assertThat(l.env()).containsExactly(Map.entry("JAVA_HOME", "/jdk17"));
    }

    @Test
    void codexCallsReturnAJobIdBeforeItsToolTimeout() {
        ServerLaunch l = ServerLaunch.forClient(Client.CODEX, CHECKOUT, env(Platform.MACOS,
                Map.of("STATA_PATH", "/Applications/Stata")));
        assertThat(l.args()).containsExactly("serve", "--max-call-seconds", "300");
        assertThat(ServerLaunch.CODEX_MAX_CALL_SECONDS).isLessThan(Snippets.CODEX_TOOL_TIMEOUT_SEC);
        assertThat(l.env()).containsEntry("STATA_PATH", "/Applications/Stata");
    }

    @Test
    void windowsAndJarsWithoutACheckoutRunJavaWithTheLaunchersFlags() {
        ServerLaunch win = ServerLaunch.forClient(Client.CLAUDE_DESKTOP, CHECKOUT, env(Platform.WINDOWS, Map.of()));
        assertThat(win.command()).isEqualTo("/jdk17/bin/java");
        assertThat(win.args()).containsSequence("-jar", "/src/stata-mcp/server/target/stata-mcp.jar", "serve")
                .contains("-XX:SharedArchiveFile=/src/stata-mcp/server/target/stata-mcp.jsa", "-XX:+UseSerialGC");
        assertThat(win.explanation()).contains("Windows");

        SelfLocation bare = new SelfLocation(Path.of("/opt/stata-mcp.jar"), Optional.empty(), Optional.empty(),
                Path.of("/jdk17/bin/java"));
        ServerLaunch l = ServerLaunch.forClient(Client.VSCODE, bare, env(Platform.LINUX, Map.of()));
        assertThat(l.commandLine()).endsWith("-jar", "/opt/stata-mcp.jar", "serve");
        assertThat(l.env()).isEmpty();
    }

    @Test
    void theClaudeCodeCommandQuotesWhatTheShellWouldSplit() {
        ServerLaunch l = new ServerLaunch("/my dir/bin/stata-mcp", java.util.List.of("serve"),
                Map.of("STATA_PATH", "/it's/stata"), "why");
        assertThat(Snippets.claudeCommand("stata", l, false)).isEqualTo("claude mcp add stata --scope user --env"
                + " 'STATA_PATH=/it'\\''s/stata' -- '/my dir/bin/stata-mcp' serve");
        assertThat(Snippets.claudeCommand("stata", l, true)).contains("\"/my dir/bin/stata-mcp\"");
    }

    @Test
    void configFilesFollowEachClientsConvention() {
        ClientEnv linux = env(Platform.LINUX, Map.of());
        assertThat(Client.CURSOR.configFile(linux)).isEqualTo(Path.of("/home/u/.cursor/mcp.json"));
        assertThat(Client.VSCODE.configFile(linux)).isEqualTo(Path.of("/home/u/proj/.vscode/mcp.json"));
        assertThat(Client.CLAUDE_CODE.configFile(linux)).isEqualTo(Path.of("/home/u/proj/.mcp.json"));
        assertThat(Client.CODEX.configFile(linux)).isEqualTo(Path.of("/home/u/.codex/config.toml"));
        assertThat(Client.CODEX.configFile(env(Platform.LINUX, Map.of("CODEX_HOME", "/c")))).isEqualTo(
                Path.of("/c/config.toml"));
        assertThat(Client.CLAUDE_DESKTOP.configFile(linux)).isEqualTo(
                Path.of("/home/u/.config/Claude/claude_desktop_config.json"));
        assertThat(Client.CLAUDE_DESKTOP.configFile(env(Platform.MACOS, Map.of()))).isEqualTo(
                Path.of("/home/u/Library/Application Support/Claude/claude_desktop_config.json"));
        assertThat(Client.CLAUDE_DESKTOP.configFile(env(Platform.WINDOWS, Map.of("APPDATA", "/home/u/AD"))))
                .isEqualTo(Path.of("/home/u/AD/Claude/claude_desktop_config.json"));
        assertThat(Snippets.serversKey(Client.VSCODE)).isEqualTo("servers");
        assertThat(Snippets.serversKey(Client.CLAUDE_DESKTOP)).isEqualTo("mcpServers");
    }
}
