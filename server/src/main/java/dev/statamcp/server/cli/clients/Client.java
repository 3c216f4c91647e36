package dev.statamcp.server.cli.clients;

import dev.statamcp.stata.process.Platform;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The MCP clients {@code config} knows, with the file each keeps its servers in. */
public enum Client {
    /** Claude Code: the {@code claude mcp add} command; {@code --write} edits the project's .mcp.json. */
    CLAUDE_CODE("claude-code", "Claude Code", Format.JSON_MCP_SERVERS),
    CLAUDE_DESKTOP("claude-desktop", "Claude Desktop", Format.JSON_MCP_SERVERS),
    CURSOR("cursor", "Cursor", Format.JSON_MCP_SERVERS),
    /** VS Code keeps servers under "servers" (not "mcpServers") in the workspace's .vscode/mcp.json. */
    VSCODE("vscode", "VS Code", Format.JSON_SERVERS),
    CODEX("codex", "Codex", Format.TOML);

    private final String wireName;
    private final String title;
    private final Format format;

    Client(String wireName, String title, Format format) {
        this.wireName = wireName;
        this.title = title;
        this.format = format;
    }

    public enum Format { JSON_MCP_SERVERS, JSON_SERVERS, TOML }

    public String wireName() {
        return wireName;
    }

    public String title() {
        return title;
    }

    public Format format() {
        return format;
    }

    /** The config file {@code --write} edits. */
    public Path configFile(ClientEnv e) {
        return switch (this) {
            case CLAUDE_CODE -> e.cwd().resolve(".mcp.json");
            case CLAUDE_DESKTOP -> switch (e.platform()) {
                case MACOS -> e.home().resolve("Library/Application Support/Claude/claude_desktop_config.json");
                case WINDOWS -> (e.variable("APPDATA") != null ? Path.of(e.variable("APPDATA"))
                        : e.home().resolve("AppData/Roaming")).resolve("Claude/claude_desktop_config.json");
                default -> (e.variable("XDG_CONFIG_HOME") != null ? Path.of(e.variable("XDG_CONFIG_HOME"))
                        : e.home().resolve(".config")).resolve("Claude/claude_desktop_config.json");
            };
            case CURSOR -> e.home().resolve(".cursor/mcp.json");
            case VSCODE -> e.cwd().resolve(".vscode/mcp.json");
            case CODEX -> (e.variable("CODEX_HOME") != null ? Path.of(e.variable("CODEX_HOME"))
                    : e.home().resolve(".codex")).resolve("config.toml");
        };
    }

    public static Client of(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (Client c : values()) {
            if (c.wireName.equals(n)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown client '" + name + "'; use one of " + names());
    }

    public static String names() {
        return Arrays.stream(values()).map(Client::wireName).collect(Collectors.joining(", "));
    }

    static boolean isWindows(ClientEnv e) {
        return e.platform() == Platform.WINDOWS;
    }
}
