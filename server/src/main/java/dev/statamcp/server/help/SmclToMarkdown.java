package dev.statamcp.server.help;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Converts Stata's SMCL help files ({@code .sthlp}) to Markdown a model reads well. No library reads SMCL, so
 * this is a small hand-written converter: directives with text ({@code {cmd:regress}}) keep the text with
 * Markdown emphasis, layout directives ({@code {p 4 4 2}}, {@code {col 20}}) become paragraphs and spacing,
 * viewer-only directives ({@code {marker}}, {@code {viewerjumpto}}) vanish. Unknown directives keep their text.
 */
public final class SmclToMarkdown {

    private SmclToMarkdown() {
    }

    /** The whole file as Markdown. */
    public static String convert(String smcl) {
        StringBuilder out = new StringBuilder(smcl.length());
        boolean joinNext = false;
        for (String raw : smcl.split("\\r?\\n", -1)) {
            String line = raw;
            boolean join = line.endsWith("{...}");
            if (join) {
                line = line.substring(0, line.length() - "{...}".length());
            }
            String md = convertLine(line);
            if (md == null) {
                continue;
            }
            out.append(md);
            if (!join) {
                out.append('\n');
            }
            joinNext = join;
        }
        if (joinNext) {
            out.append('\n');
        }
        return tidy(out.toString());
    }

    /** One line; null when the line carries nothing for a reader (comments, header, viewer directives). */
    static String convertLine(String line) {
        String t = line.strip();
        if (t.equals("{smcl}") || t.startsWith("{* ") || t.equals("{*}") || t.startsWith("{viewer")
                || t.startsWith("{vieweralsosee") || t.startsWith("{findalias") || t.startsWith("{bf:{hline")) {
            return t.startsWith("{bf:{hline") ? "" : null;
        }
        if (t.startsWith("{title:") && t.endsWith("}") && depthAtEnd(t) == 0) {
            return "\n## " + inline(t.substring("{title:".length(), t.length() - 1)).strip() + "\n";
        }
        if (t.equals("{p_end}")) {
            return "";
        }
        return inline(line);
    }

    /** Converts the directives inside a line. */
    static String inline(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '{') {
                int close = matchingBrace(s, i);
                if (close < 0) {
                    out.append(s, i, s.length());
                    break;
                }
                out.append(directive(s.substring(i + 1, close)));
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String directive(String body) {
        int colon = topLevelColon(body);
        String head = colon < 0 ? body : body.substring(0, colon);
        String text = colon < 0 ? null : inline(body.substring(colon + 1));
        String[] words = head.strip().split("\\s+");
        String name = words[0].toLowerCase(Locale.ROOT);
        String firstArg = words.length > 1 ? words[1].replace("\"", "") : "";
        switch (name) {
            case "cmd", "opt", "cmdab", "opth", "inp", "com" -> {
                // {opt noc:onstant} and {cmdab:reg:ress} mark an abbreviation; the reader needs the full word.
                String before = String.join(" ", rest(words));
                String shown = text == null ? before : before + text.replace(":", "");
                return "`" + shown + "`";
            }
            case "bf" -> {
                return text == null ? "" : "**" + text + "**";
            }
            case "it", "var", "varname", "varlist", "newvar", "depvar", "indepvars", "dtype", "weight",
                 "exp", "range", "filename", "numlist" -> {
                if (text != null) {
                    return "*" + text + "*";
                }
                return words.length > 1 ? "*" + String.join(" ", rest(words)) + "*" : "*" + name + "*";
            }
            case "ifin" -> {
                return "[*if*] [*in*]";
            }
            case "help", "helpb", "browse", "stata", "search", "net", "ado", "update", "dialog", "view" -> {
                if (text != null) {
                    return name.equals("stata") ? "`" + text + "`" : text;
                }
                return name.equals("help") || name.equals("helpb") ? "`" + firstArg.replaceAll("##.*", "") + "`"
                        : firstArg;
            }
            case "manhelp", "manhelpi" -> {
                return words.length > 2 ? "[" + words[2] + "] " + (text != null ? text : words[1]) : firstArg;
            }
            case "manlink", "manlinki", "mansection" -> {
                return words.length > 2 ? "[" + words[1] + "] " + String.join(" ", rest(rest(words))) : firstArg;
            }
            case "hline" -> {
                return words.length > 1 && firstArg.matches("\\d+") ? "-".repeat(Integer.parseInt(firstArg))
                        : "\n---\n";
            }
            case "c", "char" -> {
                return boxChar(firstArg);
            }
            case "space" -> {
                return " ".repeat(words.length > 1 && firstArg.matches("\\d+") ? Integer.parseInt(firstArg) : 1);
            }
            case "col", "right", "center", "lalign", "ralign" -> {
                return text != null ? text : " ";
            }
            case "p", "pstd", "phang", "phang2", "pmore", "pmore2", "pin", "psee", "pin2", "p2col", "p2line",
                 "synopt", "syntab", "p2coldent" -> {
                String prefix = name.startsWith("syn") || name.startsWith("p2") ? "- " : "\n";
                if (name.equals("syntab")) {
                    return "\n**" + (text == null ? "" : text.strip()) + "**\n";
                }
                return text == null ? prefix : prefix + text.strip() + " ";
            }
            case "marker", "p_end", "synoptset", "synopthdr", "synoptline", "p2colset", "p2colreset", "txt",
                 "res", "err", "sf", "ul", "reset", "title", "smcl", "asis", "s6hlp", "bind", "break",
                 "pstd_end", "..." -> {
                return text == null ? "" : text;
            }
            default -> {
                // An unknown directive: its text, if any, is what a reader should see.
                return text != null ? text : "";
            }
        }
    }

    private static String boxChar(String code) {
        return switch (code) {
            case "|" -> "|";
            case "-" -> "-";
            case "+", "TT", "BT", "LT", "RT", "TLC", "TRC", "BLC", "BRC" -> "+";
            case "S|" -> "$";
            case "'" -> "'";
            case "`" -> "`";
            case "{" -> "{";
            case "}" -> "}";
            default -> "";
        };
    }

    private static String[] rest(String[] words) {
        String[] r = new String[Math.max(0, words.length - 1)];
        System.arraycopy(words, 1, r, 0, r.length);
        return r;
    }

    private static int matchingBrace(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static int topLevelColon(String body) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '{') {
                depth++;
            } else if (!quoted && c == '}') {
                depth--;
            } else if (!quoted && depth == 0 && c == ':') {
                return i;
            }
        }
        return -1;
    }

    private static int depthAtEnd(String s) {
        int close = matchingBrace(s, 0);
        return close == s.length() - 1 ? 0 : 1;
    }

    /** Collapses runs of blank lines and trims trailing spaces. */
    private static String tidy(String md) {
        List<String> out = new ArrayList<>();
        boolean blank = true;
        for (String line : md.split("\n", -1)) {
            String l = line.stripTrailing();
            if (l.isBlank()) {
                if (!blank) {
                    out.add("");
                }
                blank = true;
            } else {
                out.add(l);
                blank = false;
            }
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return String.join("\n", out);
    }

    /**
     * The part of converted help under the heading that matches {@code section} (case-insensitive, prefix match:
     * "options" finds "Options"), or null when there is none.
     */
    public static String section(String markdown, String section) {
        String wanted = section.strip().toLowerCase(Locale.ROOT);
        StringBuilder out = null;
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("## ")) {
                if (out != null) {
                    break;
                }
                if (line.substring(3).strip().toLowerCase(Locale.ROOT).startsWith(wanted)) {
                    out = new StringBuilder(line).append('\n');
                }
            } else if (out != null) {
                out.append(line).append('\n');
            }
        }
        return out == null ? null : out.toString().strip();
    }

    /** The headings of converted help, for telling a caller which sections exist. */
    public static List<String> sections(String markdown) {
        List<String> titles = new ArrayList<>();
        for (String line : markdown.split("\n")) {
            if (line.startsWith("## ")) {
                titles.add(line.substring(3).strip());
            }
        }
        return titles;
    }
}
