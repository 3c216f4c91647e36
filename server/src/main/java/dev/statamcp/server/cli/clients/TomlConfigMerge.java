package dev.statamcp.server.cli.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts the table {@code [mcp_servers.NAME]} into a Codex config.toml by editing text, not by re-serialising the
 * file: every other line, comment and blank line stays as the person wrote it. An existing table of that name (and
 * its sub-tables, like {@code [mcp_servers.NAME.env]}) is replaced where it stood; otherwise the table is appended.
 * The result must parse, and must equal the old file with only that server changed, or nothing is written.
 */
public final class TomlConfigMerge {
    private static final TomlMapper TOML = new TomlMapper();
    /** A table header line: {@code [a.b]} or {@code [[a.b]]}, optionally followed by a comment. */
    private static final Pattern HEADER = Pattern.compile("^\\s*(\\[\\[?)\\s*([^\\[\\]]+?)\\s*(\\]\\]?)\\s*(#.*)?$");

    private TomlConfigMerge() {
    }

    /**
     * @param existing the file's text, or null when there is no file
     * @param table    the new table's text, as {@link Snippets#tomlTable} writes it
     */
    public static String merge(String existing, String name, String table) throws ConfigMergeException {
        String text = existing == null ? "" : existing;
        JsonNode before = parse(text, "it is not valid TOML");
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        String block = table.replace("\n", newline);
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        boolean endsWithNewline = text.isEmpty() || text.endsWith("\n");
        if (endsWithNewline && !lines.isEmpty()) {
            lines.remove(lines.size() - 1); // the empty string after the final line break
        }

        List<String> out = new ArrayList<>();
        boolean inOurs = false;
        boolean inserted = false;
        List<String> pending = new ArrayList<>(); // comments and blanks that may belong to the next table
        for (String line : lines) {
            Matcher m = HEADER.matcher(line);
            if (m.matches()) {
                boolean ours = m.group(1).equals("[") && isOurs(keyPath(m.group(2)), name);
                if (inOurs && !ours) {
                    keep(out, pending);
                }
                pending.clear(); // between two tables of the old entry: part of it
                inOurs = ours;
                if (ours) {
                    if (!inserted) {
                        out.addAll(List.of(block.split(newline)));
                        inserted = true;
                    }
                    continue;
                }
            }
            if (inOurs) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    pending.add(line);
                } else {
                    pending.clear(); // a key of the old table: dropped, with the comments above it
                }
                continue;
            }
            out.add(line);
        }
        if (inOurs) {
            keep(out, pending);
        }
        if (!inserted) {
            while (!out.isEmpty() && out.get(out.size() - 1).isBlank()) {
                out.remove(out.size() - 1);
            }
            if (!out.isEmpty()) {
                out.add("");
            }
            out.addAll(List.of(block.split(newline)));
        }
        String result = String.join(newline, out) + newline;

        JsonNode after = parse(result, "the edited file would not be valid TOML; mcp_servers." + name
                + " may be defined in a form this command does not edit (an inline table or dotted keys): remove that"
                + " definition, or add the table printed above by hand");
        JsonNode expected = expected(before, name, parse(table, "internal error: the new table is not valid TOML"));
        if (!after.equals(expected)) {
            throw new ConfigMergeException("editing it would change more than mcp_servers." + name
                    + " (a multi-line value may look like a table header); add the table printed above by hand");
        }
        return result;
    }

    /** Comments and blanks after a replaced table, without doubling the blank line the new table ends at. */
    private static void keep(List<String> out, List<String> pending) {
        for (String line : pending) {
            if (!(line.isBlank() && !out.isEmpty() && out.get(out.size() - 1).isBlank())) {
                out.add(line);
            }
        }
        pending.clear();
    }

    private static JsonNode expected(JsonNode before, String name, JsonNode tableDoc) {
        ObjectNode copy = before.isObject() ? ((ObjectNode) before).deepCopy() : TOML.createObjectNode();
        JsonNode servers = copy.get("mcp_servers");
        ObjectNode serversObject = servers instanceof ObjectNode o ? o : copy.putObject("mcp_servers");
        serversObject.set(name, tableDoc.path("mcp_servers").path(name));
        return copy;
    }

    private static JsonNode parse(String text, String problem) throws ConfigMergeException {
        try {
            JsonNode n = TOML.readTree(text);
            return n == null ? TOML.createObjectNode() : n;
        } catch (IOException e) {
            throw new ConfigMergeException(problem + " (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    static boolean isOurs(List<String> path, String name) {
        return path.size() >= 2 && path.get(0).equals("mcp_servers") && path.get(1).equals(name);
    }

    /** {@code a."b.c" . d} → [a, b.c, d]. */
    static List<String> keyPath(String header) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < header.length()) {
                    cur.append(header.charAt(++i));
                } else {
                    cur.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '.') {
                parts.add(cur.toString().strip());
                cur.setLength(0);
            } else if (!Character.isWhitespace(c)) {
                cur.append(c);
            }
        }
        parts.add(cur.toString().strip());
        return parts;
    }
}
