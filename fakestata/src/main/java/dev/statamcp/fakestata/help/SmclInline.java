package dev.statamcp.fakestata.help;

import java.util.Map;

/**
 * The visible text of SMCL inside a line: styles ({@code {cmd:x}}, {@code {it:x}}, ...) reduce to their text,
 * links ({@code {help x:text}}, {@code {manhelp x R}}, {@code {manlink R x}}) to what the console shows, option
 * and abbreviation markup ({@code {opt d:etail}}, {@code {cmdab:su:mmarize}}) to the full word, syntax elements
 * ({@code {varlist}}, {@code {ifin}}) to their words, and directives without visible text to nothing. Bound text
 * ({@code {bind:...}}, {@code {space n}}) keeps its spaces as no-break spaces for the paragraph wrapper.
 */
final class SmclInline {
    static final char NO_BREAK = '\u00A0';

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("varlist", "varlist"), Map.entry("varname", "varname"), Map.entry("vars", "varlist"),
            Map.entry("depvar", "depvar"), Map.entry("depvars", "depvars"), Map.entry("indepvars", "indepvars"),
            Map.entry("newvar", "newvar"), Map.entry("newvarlist", "newvarlist"), Map.entry("ifin", "[if] [in]"),
            Map.entry("if", "if"), Map.entry("in", "in"), Map.entry("weight", "[weight]"), Map.entry("exp", "exp"),
            Map.entry("dtype", "[type]"), Map.entry("fmt", "%fmt"), Map.entry("numlist", "numlist"),
            Map.entry("filename", "filename"));
    private static final Map<String, String> CHARS = Map.ofEntries(
            Map.entry("|", "|"), Map.entry("-", "-"), Map.entry("+", "+"), Map.entry("TT", "+"),
            Map.entry("BT", "+"), Map.entry("LT", "+"), Map.entry("RT", "+"), Map.entry("TLC", "+"),
            Map.entry("TRC", "+"), Map.entry("BLC", "+"), Map.entry("BRC", "+"), Map.entry("-(", "{"),
            Map.entry(")-", "}"), Map.entry("S|", "$"), Map.entry("'g", "`"), Map.entry("g'", "'"));

    private SmclInline() {
    }

    /** The visible text of a piece of SMCL. */
    static String text(String smcl) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < smcl.length()) {
            char c = smcl.charAt(i);
            if (c == '{') {
                int end = closing(smcl, i);
                if (end > i) {
                    out.append(directive(SmclDirective.parse(smcl.substring(i + 1, end))));
                    i = end + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** Index of the brace closing the one at {@code open}, or -1. */
    static int closing(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The visible text of one directive met inside a line. */
    static String directive(SmclDirective d) {
        String content = d.content() == null ? null : text(d.content());
        switch (d.name()) {
            case "cmd", "bf", "it", "hi", "ul", "sf", "res", "result", "txt", "text", "err", "error", "inp",
                 "input", "com", "title", "ralign", "lalign", "center", "centre", "right", "lalign_d":
                return content == null ? "" : content;
            case "cmdab", "opt", "helpb", "optb":
                // the colon marks the shortest abbreviation ({opt d:etail}); the console shows the whole word
                return (text(d.args()) + (content == null ? "" : content)).replace(":", "");
            case "opth": {
                // {opth path(strings:path)}: the argument links to a help topic and shows its own text
                String raw = text(d.args()) + (content == null ? "" : ":" + content);
                return raw.replaceAll("\\(([^():]*):([^()]*)\\)", "($2)").replace(":", "");
            }
            case "bind":
                return content == null ? "" : content.replace(' ', NO_BREAK);
            case "help", "help_d", "view", "view_d", "browse", "stata", "search", "search_d", "dialog", "net",
                 "mansection", "ado", "update", "matahelp", "findalias":
                return content != null ? content : unquoted(d.args());
            case "manhelp", "manhelpi": {
                String[] w = d.args().split("\\s+");
                return content != null ? content : w.length >= 2 ? "[" + w[1] + "] " + w[0] : d.args();
            }
            case "manlink", "manlinki":
                return content != null ? content : "[" + d.args().replaceFirst("\\s+", "] ");
            case "hline": {
                int n = d.numbers(1, 1)[0];
                return "-".repeat(Math.max(0, n));
            }
            case "space": {
                int n = d.numbers(1, 1)[0];
                return String.valueOf(NO_BREAK).repeat(Math.max(0, n));
            }
            case "c", "char": {
                String v = CHARS.get(d.args());
                return v == null ? "" : v;
            }
            case "varlist", "varname", "vars", "depvar", "depvars", "indepvars", "newvar", "newvarlist", "ifin",
                 "if", "in", "weight", "exp", "dtype", "fmt", "numlist", "filename":
                return content != null ? content : WORDS.get(d.name());
            default:
                // styles without text ({sf}, {reset}), markers, viewer directives, comments: nothing to show
                return content == null ? "" : content;
        }
    }

    /** Removes the quotes around a link target such as {@code {browse "https://..."}}. */
    private static String unquoted(String s) {
        String t = s.strip();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }
}
