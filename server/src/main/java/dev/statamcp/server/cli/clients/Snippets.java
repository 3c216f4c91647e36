package dev.statamcp.server.cli.clients;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.server.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The server entry in each client's own format. */
public final class Snippets {
    /** Codex waits this long for a server to start (its default, 10 s, is tight for a cold JVM on a busy laptop). */
    static final int CODEX_STARTUP_TIMEOUT_SEC = 30;
    /** Above stata_job_wait's longest wait (300 s) and the --max-call-seconds given to Codex, with room to spare. */
    static final int CODEX_TOOL_TIMEOUT_SEC = 360;

    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private Snippets() {
    }

    /** The server entry as JSON clients take it: command, args, env (VS Code and Claude Code also want a type). */
    public static ObjectNode jsonEntry(Client client, ServerLaunch launch) {
        ObjectNode entry = Json.object();
        if (client == Client.VSCODE || client == Client.CLAUDE_CODE) {
            entry.put("type", "stdio");
        }
        entry.put("command", launch.command());
        launch.args().forEach(entry.putArray("args")::add);
        if (!launch.env().isEmpty()) {
            ObjectNode env = entry.putObject("env");
            launch.env().forEach(env::put);
        }
        return entry;
    }

    /** A whole config file holding just this server, to paste or merge. */
    public static ObjectNode jsonFile(Client client, String name, ServerLaunch launch) {
        ObjectNode root = Json.object();
        root.putObject(serversKey(client)).set(name, jsonEntry(client, launch));
        return root;
    }

    public static String serversKey(Client client) {
        return client.format() == Client.Format.JSON_SERVERS ? "servers" : "mcpServers";
    }

    /** The Codex table {@code [mcp_servers.NAME]}, with the environment inline so the table stands alone. */
    public static String tomlTable(String name, ServerLaunch launch) {
        StringBuilder b = new StringBuilder();
        b.append("[mcp_servers.").append(tomlKey(name)).append("]\n");
        b.append("command = ").append(tomlString(launch.command())).append('\n');
        List<String> args = new ArrayList<>();
        launch.args().forEach(a -> args.add(tomlString(a)));
        b.append("args = [").append(String.join(", ", args)).append("]\n");
        if (!launch.env().isEmpty()) {
            List<String> pairs = new ArrayList<>();
            for (Map.Entry<String, String> e : launch.env().entrySet()) {
                pairs.add(tomlKey(e.getKey()) + " = " + tomlString(e.getValue()));
            }
            b.append("env = { ").append(String.join(", ", pairs)).append(" }\n");
        }
        b.append("startup_timeout_sec = ").append(CODEX_STARTUP_TIMEOUT_SEC).append('\n');
        b.append("tool_timeout_sec = ").append(CODEX_TOOL_TIMEOUT_SEC).append('\n');
        return b.toString();
    }

    /** {@code claude mcp add NAME --scope user --env K=V -- COMMAND ARGS}, quoted for a POSIX shell (or cmd). */
    public static String claudeCommand(String name, ServerLaunch launch, boolean windows) {
        List<String> words = new ArrayList<>(List.of("claude", "mcp", "add", name, "--scope", "user"));
        launch.env().forEach((k, v) -> {
            words.add("--env");
            words.add(k + "=" + v);
        });
        words.add("--");
        words.addAll(launch.commandLine());
        List<String> quoted = new ArrayList<>();
        words.forEach(w -> quoted.add(windows ? windowsQuote(w) : shellQuote(w)));
        return String.join(" ", quoted);
    }

    static String shellQuote(String word) {
        return PLAIN_WORD.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    static String windowsQuote(String word) {
        return PLAIN_WORD.matcher(word).matches() && !word.contains("%") ? word : "\"" + word.replace("\"", "\\\"") + "\"";
    }

    static String tomlKey(String key) {
        return key.matches("[A-Za-z0-9_-]+") ? key : tomlString(key);
    }

    /** A TOML basic string: backslashes, quotes and control characters escaped. */
    static String tomlString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format("\\u%04X", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
