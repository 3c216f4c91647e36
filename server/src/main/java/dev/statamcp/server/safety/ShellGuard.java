package dev.statamcp.server.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Stata's shell escapes ({@code shell} and its abbreviations, {@code !}, {@code winexec}, {@code xshell},
 * {@code unix}) where a command starts, after comments are removed and prefixes such as {@code capture} or
 * {@code quietly} are looked through. A guard against accidents, not a sandbox: code can still reach a shell
 * through a macro or a nested do-file, and the documentation says so.
 */
public final class ShellGuard {
    // Prefixes that run the command that follows them.
    private static final Pattern PREFIX = Pattern.compile(
            "^(?:(?:cap|capt|captu|captur|capture|qui|quie|quiet|quietl|quietly|n|no|noi|nois|noisi|noisil|noisily"
                    + "|else)\\b\\s*:?\\s*"
                    + "|(?:by|bys|byso|bysor|bysort)\\b[^:]*:\\s*"
                    + "|version\\s+[0-9.]+\\s*:\\s*"
                    + "|[{}]\\s*)");
    private static final Pattern SHELL = Pattern.compile(
            "^(?:(sh|she|shel|shell|winexec|xshell|unix)\\b|(!))", Pattern.CASE_INSENSITIVE);

    private ShellGuard() {
    }

    /** The first shell escape in the code, with its line number (1-based), or empty. */
    public static Optional<Finding> find(String code) {
        List<Command> commands = commands(code);
        for (Command c : commands) {
            String rest = c.text().strip();
            for (Matcher p = PREFIX.matcher(rest); p.find(); p = PREFIX.matcher(rest)) {
                if (p.end() == 0) {
                    break;
                }
                rest = rest.substring(p.end()).strip();
            }
            Matcher m = SHELL.matcher(rest);
            if (m.find()) {
                String word = m.group(1) != null ? m.group(1).toLowerCase(Locale.ROOT) : "!";
                return Optional.of(new Finding(c.line(), word, c.text().strip()));
            }
        }
        return Optional.empty();
    }

    /** The refusal a caller sees. */
    public static String refusal(Finding f) {
        return "Shell escapes are turned off: line " + f.line() + " runs `" + f.statement() + "`. Stata's shell, !, "
                + "winexec, xshell and unix run programs outside Stata; the server refuses them unless it was "
                + "started with --allow-shell (a guard against accidents, not a sandbox).";
    }

    /** Splits code into commands with their starting line, honouring comments, /// and #delimit ;. */
    static List<Command> commands(String code) {
        String text = stripBlockComments(code);
        List<Command> out = new ArrayList<>();
        boolean semicolons = false;
        StringBuilder current = new StringBuilder();
        int startLine = 1;
        String[] lines = text.split("\\r?\\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = stripLineComment(lines[i]);
            String t = line.strip();
            if (current.length() == 0) {
                startLine = i + 1;
            }
            if (t.toLowerCase(Locale.ROOT).startsWith("#d")) {
                semicolons = t.endsWith(";") || t.toLowerCase(Locale.ROOT).matches("#d\\w*\\s+;\\s*");
                continue;
            }
            if (!semicolons && current.length() == 0 && t.startsWith("*")) {
                continue;
            }
            if (semicolons) {
                current.append(line).append(' ');
                String buffered = current.toString();
                int semi;
                while ((semi = buffered.indexOf(';')) >= 0) {
                    out.add(new Command(startLine, buffered.substring(0, semi)));
                    buffered = buffered.substring(semi + 1);
                    startLine = i + 1;
                }
                current.setLength(0);
                current.append(buffered.isBlank() ? "" : buffered);
            } else if (t.endsWith("///")) {
                current.append(line, 0, line.lastIndexOf("///")).append(' ');
            } else {
                current.append(line);
                out.add(new Command(startLine, current.toString()));
                current.setLength(0);
            }
        }
        if (current.length() > 0) {
            out.add(new Command(startLine, current.toString()));
        }
        return out;
    }

    /** Removes {@code /* ... * /} comments (nestable in Stata), keeping line breaks so line numbers hold. */
    private static String stripBlockComments(String code) {
        StringBuilder out = new StringBuilder(code.length());
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            char next = i + 1 < code.length() ? code.charAt(i + 1) : 0;
            if (depth == 0 && c == '"') {
                quoted = !quoted;
            }
            if (c == '\n') {
                quoted = false;
            }
            if (!quoted && c == '/' && next == '*') {
                depth++;
                i++;
            } else if (depth > 0 && c == '*' && next == '/') {
                depth--;
                i++;
            } else if (depth == 0 || c == '\n') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Drops a {@code //} comment (but keeps {@code ///} for continuation and {@code //} inside strings). */
    private static String stripLineComment(String line) {
        boolean quoted = false;
        for (int i = 0; i + 1 < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '/' && line.charAt(i + 1) == '/'
                    && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                boolean triple = i + 2 < line.length() && line.charAt(i + 2) == '/';
                return triple ? line.substring(0, i) + "///" : line.substring(0, i);
            }
        }
        return line;
    }

    /** A shell escape found in code. */
    public record Finding(int line, String command, String statement) {
    }

    /** One Stata command and the line it starts on. */
    record Command(int line, String text) {
    }
}
