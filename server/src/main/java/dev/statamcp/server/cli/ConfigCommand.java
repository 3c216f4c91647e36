package dev.statamcp.server.cli;

import dev.statamcp.server.cli.clients.Client;
import dev.statamcp.server.cli.clients.ClientEnv;
import dev.statamcp.server.cli.clients.ConfigFiles;
import dev.statamcp.server.cli.clients.ConfigMergeException;
import dev.statamcp.server.cli.clients.JsonConfigMerge;
import dev.statamcp.server.cli.clients.SelfLocation;
import dev.statamcp.server.cli.clients.ServerLaunch;
import dev.statamcp.server.cli.clients.Snippets;
import dev.statamcp.server.cli.clients.TomlConfigMerge;
import dev.statamcp.stata.process.Platform;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code stata-mcp config CLIENT}: the exact set-up for one MCP client, with absolute paths. The snippet alone goes
 * to standard output (so it can be redirected or piped); where it goes and why goes to standard error.
 */
@Command(name = "config", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Prints how to add stata-mcp to an MCP client, with absolute paths: for claude-code the"
                + " `claude mcp add` command, for claude-desktop, cursor and vscode their JSON, for codex its TOML"
                + " table.",
                "With --write, merges it into the client's config file (claude-code: ./.mcp.json; claude-desktop:"
                        + " claude_desktop_config.json; cursor: ~/.cursor/mcp.json; vscode: ./.vscode/mcp.json;"
                        + " codex: ~/.codex/config.toml) after copying the file to FILE.bak-DATE-TIME; everything"
                        + " else in the file is kept."})
final class ConfigCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "CLIENT", description = "claude-code, claude-desktop, cursor, vscode or codex.")
    String clientName;

    @Option(names = "--write", description = "Merge the entry into the client's config file (a backup is made).")
    boolean write;

    @Option(names = "--file", paramLabel = "PATH", description = "With --write: edit this file instead of the"
            + " client's usual one.")
    Path file;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = "stata",
            description = "The server's name in the client (default: ${DEFAULT-VALUE}).")
    String name;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        Client client;
        try {
            client = Client.of(clientName);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (!name.matches("[A-Za-z0-9_-]+")) {
            throw new ParameterException(spec.commandLine(), "--name may hold letters, digits, '-' and '_' only");
        }
        ClientEnv env = ClientEnv.current();
        SelfLocation self = SelfLocation.detect(env.platform() == Platform.WINDOWS);
        ServerLaunch launch = ServerLaunch.forClient(client, self, env);
        Path target = file != null ? file.toAbsolutePath() : client.configFile(env);

        String snippet = switch (client.format()) {
            case TOML -> Snippets.tomlTable(name, launch);
            case JSON_MCP_SERVERS, JSON_SERVERS -> client == Client.CLAUDE_CODE && !write
                    ? Snippets.claudeCommand(name, launch, env.platform() == Platform.WINDOWS) + "\n"
                    : JsonConfigMerge.write(Snippets.jsonFile(client, name, launch));
        };
        if (!write) {
            out.print(snippet);
            out.flush();
            err.println();
            err.println(howToUse(client, target));
            err.println(launch.explanation());
            return 0;
        }

        String existing = Files.isRegularFile(target) ? Files.readString(target, StandardCharsets.UTF_8) : null;
        String merged;
        try {
            merged = client.format() == Client.Format.TOML ? TomlConfigMerge.merge(existing, name, snippet)
                    : JsonConfigMerge.merge(existing, Snippets.serversKey(client), name,
                    Snippets.jsonEntry(client, launch));
        } catch (ConfigMergeException e) {
            out.print(snippet);
            err.println("stata-mcp: " + target + " was not changed: " + e.getMessage() + ".");
            return 1;
        }
        Path backup = existing == null ? null : ConfigFiles.backup(target, Clock.systemDefaultZone());
        ConfigFiles.writeAtomically(target, merged);
        out.println((existing == null ? "Created " : "Updated ") + target + " with the server \"" + name + "\"."
                + (backup == null ? "" : " The previous file is saved as " + backup + "."));
        out.println(afterWrite(client));
        err.println(launch.explanation());
        return 0;
    }

    private static String howToUse(Client client, Path target) {
        return switch (client) {
            case CLAUDE_CODE -> "Run this command to add stata-mcp to Claude Code for all your projects (or use"
                    + " --write to put it in " + target + " for this project only). Then check with `claude mcp list`.";
            case CODEX -> "Add this table to " + target + " (or run again with --write). Tool calls return a job id"
                    + " after 300 s (stata_job_wait then follows the run), within Codex's tool_timeout_sec.";
            default -> "Merge this into " + target + " (or run again with --write), then restart " + client.title()
                    + ".";
        };
    }

    private static String afterWrite(Client client) {
        return switch (client) {
            case CLAUDE_CODE -> "Claude Code asks to approve project servers from .mcp.json the next time it starts"
                    + " in this folder; `claude mcp list` shows them.";
            case VSCODE -> "VS Code offers to start the server from .vscode/mcp.json (MCP: List Servers).";
            case CODEX -> "Start Codex again and type /mcp to see the server.";
            default -> "Restart " + client.title() + " to load it.";
        };
    }
}
