package dev.statamcp.stata.log;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The top-level commands of a piece of Stata code, each with the line it starts on: what "command 12 of 40" counts.
 *
 * <p>A block ({@code foreach ... { ... }}, {@code program define ... end}, {@code mata ... end},
 * {@code input ... end}) counts as the one command that opens it, since Stata echoes its body once while reading
 * it. Comment and empty lines are not commands. {@code ///} joins lines, {@code /* *}{@code /} comments may span
 * lines, and under {@code #delimit ;} commands end at semicolons. This is an outline for progress reporting, not a
 * Stata parser: unusual code may be counted a little differently, never rejected.
 */
public final class DoFileOutline {

    /** One top-level command: its first line number (1-based) and its text as written (lines joined by \n). */
    public record Command(int line, String text) {

        /** The first physical line of the command. */
        public String firstLine() {
            int nl = text.indexOf('\n');
            return nl < 0 ? text : text.substring(0, nl);
        }
    }

    private static final Pattern BLOCK_END = Pattern.compile("^end(\\s.*)?$");
    private static final Pattern PREFIXES = Pattern.compile(
            "^(?:(?:cap(?:t|tu|tur|ture)?|qui(?:e|et|etl|etly)?|noi(?:s|si|sil|sily)?)\\s*:?\\s+)*");
    private static final Pattern OPENS_PROGRAM = Pattern.compile(
            "^pr(?:o|og|ogr|ogra|ogram)?\\s+(?:(?:define|defin|defi|def|de)\\s+)?(?!drop\\b|dir\\b|list\\b)\\S.*");
    private static final Pattern OPENS_MATA = Pattern.compile("^mata\\s*:?\\s*$");
    private static final Pattern OPENS_INPUT = Pattern.compile("^inp(?:u|ut)?\\s+\\S.*");
    private static final Pattern DELIMIT = Pattern.compile("^#d(?:e|el|eli|elim|elimi|elimit)?\\s+(;|cr)\\s*$");

    private final List<Command> commands;

    private DoFileOutline(List<Command> commands) {
        this.commands = List.copyOf(commands);
    }

    public List<Command> commands() {
        return commands;
    }

    public int size() {
        return commands.size();
    }

    /** Outlines {@code code} (the contents of a do-file or a snippet). */
    public static DoFileOutline of(String code) {
        List<Command> result = new ArrayList<>();
        int braceDepth = 0;
        boolean inEndBlock = false;
        for (Logical logical : logicalLines(code)) {
            String stmt = logical.code.strip();
            if (inEndBlock) {
                if (BLOCK_END.matcher(stmt).matches()) {
                    inEndBlock = false;
                }
                continue;
            }
            if (braceDepth > 0) {
                braceDepth = Math.max(0, braceDepth + braceDelta(stmt));
                continue;
            }
            if (stmt.isEmpty() || stmt.startsWith("*")) {
                continue;
            }
            result.add(new Command(logical.line, logical.raw));
            braceDepth = Math.max(0, braceDelta(stmt));
            String unprefixed = PREFIXES.matcher(stmt).replaceFirst("").toLowerCase(Locale.ROOT);
            if (braceDepth == 0 && (OPENS_PROGRAM.matcher(unprefixed).matches()
                    || OPENS_MATA.matcher(unprefixed).matches() || OPENS_INPUT.matcher(unprefixed).matches())) {
                inEndBlock = true;
            }
        }
        return new DoFileOutline(result);
    }

    /** A statement after joining continuations and removing comments. */
    private record Logical(int line, String raw, String code) {
    }

    private static List<Logical> logicalLines(String code) {
        String[] lines = code.split("\r?\n", -1);
        List<Logical> out = new ArrayList<>();
        boolean inComment = false;
        boolean semicolons = false;
        StringBuilder raw = null;
        StringBuilder stmt = null;
        int start = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Stripped s = strip(line, inComment);
            inComment = s.inComment;
            if (raw == null) {
                raw = new StringBuilder(line);
                stmt = new StringBuilder();
                start = i + 1;
            } else {
                raw.append('\n').append(line);
            }
            stmt.append(s.code).append(' ');
            if (semicolons) {
                String text = stmt.toString();
                int semi = lastUnquoted(text, ';');
                if (semi < 0 && !DELIMIT.matcher(text.strip()).matches()) {
                    continue;
                }
                for (String part : splitUnquoted(semi < 0 ? text : text.substring(0, semi), ';')) {
                    out.add(new Logical(start, raw.toString(), part));
                }
                String rest = semi < 0 ? "" : text.substring(semi + 1);
                raw = null;
                if (!rest.isBlank()) {
                    raw = new StringBuilder(line);
                    stmt = new StringBuilder(rest);
                    start = i + 1;
                }
            } else if (s.continues || inComment) {
                continue;
            } else {
                out.add(new Logical(start, raw.toString(), stmt.toString()));
                raw = null;
            }
            Logical last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null) {
                var m = DELIMIT.matcher(last.code.strip());
                if (m.matches()) {
                    semicolons = m.group(1).equals(";");
                }
            }
        }
        if (raw != null && !stmt.toString().isBlank()) {
            out.add(new Logical(start, raw.toString(), stmt.toString()));
        }
        return out;
    }

    private record Stripped(String code, boolean inComment, boolean continues) {
    }

    /** Removes comments outside string literals; reports a trailing {@code ///}. */
    private static Stripped strip(String line, boolean inComment) {
        StringBuilder out = new StringBuilder(line.length());
        boolean quoted = false;
        int i = 0;
        while (i < line.length()) {
            if (inComment) {
                int close = line.indexOf("*/", i);
                if (close < 0) {
                    return new Stripped(out.toString(), true, false);
                }
                inComment = false;
                i = close + 2;
                continue;
            }
            char c = line.charAt(i);
            boolean wordStart = i == 0 || Character.isWhitespace(line.charAt(i - 1));
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && line.startsWith("/*", i)) {
                inComment = true;
                i += 2;
                continue;
            } else if (!quoted && wordStart && line.startsWith("///", i)) {
                return new Stripped(out.toString(), false, true);
            } else if (!quoted && wordStart && line.startsWith("//", i)) {
                return new Stripped(out.toString(), false, false);
            }
            out.append(c);
            i++;
        }
        return new Stripped(out.toString(), false, false);
    }

    private static int braceDelta(String code) {
        int delta = 0;
        boolean quoted = false;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '{') {
                delta++;
            } else if (!quoted && c == '}') {
                delta--;
            }
        }
        return delta;
    }

    private static int lastUnquoted(String text, char target) {
        int last = -1;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == target) {
                last = i;
            }
        }
        return last;
    }

    private static List<String> splitUnquoted(String text, char separator) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == separator) {
                parts.add(text.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(text.substring(from));
        return parts;
    }
}
