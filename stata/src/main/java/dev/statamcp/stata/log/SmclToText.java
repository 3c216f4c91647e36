package dev.statamcp.stata.log;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders SMCL (Stata's markup for logs and help) as plain text: the text a reader would see, with styling dropped,
 * links replaced by their visible text, box-drawing characters as {@code - | +}, and {@code {col N}},
 * {@code {space N}}, {@code {hline N}}, {@code {ralign N:...}} laid out. Paragraph directives of help files are
 * dropped without re-flowing text. Unknown directives leave their visible text (or nothing), never markup.
 * Written here because no Java library reads SMCL.
 */
public final class SmclToText {

    private static final Set<String> LINKS = Set.of("help", "helpb", "help_d", "manhelp", "manhelpi", "browse",
            "view", "view_d", "stata", "search", "search_d", "dialog", "net", "ado", "update", "back", "matacmd",
            "matacmdb", "mansection", "manlink", "manlinki", "mathelp", "newvar", "var", "varname", "vars",
            "varlist", "depvar", "depvars", "indepvars", "ifin", "weight", "dtype", "opt", "opth", "cmd", "cmdab",
            "hi", "bf", "it", "sf", "ul", "inp", "input", "err", "error", "res", "result", "txt", "text", "com",
            "title", "bind", "ccl", "net_d", "ado_d", "update_d", "findalias", "mansectioni", "browse_d", "nobreak");
    private static final Map<String, String> CHARS = Map.ofEntries(
            Map.entry("|", "|"), Map.entry("-", "-"), Map.entry("+", "+"), Map.entry("TT", "+"),
            Map.entry("BT", "+"), Map.entry("LT", "+"), Map.entry("RT", "+"), Map.entry("TLC", "+"),
            Map.entry("TRC", "+"), Map.entry("BLC", "+"), Map.entry("BRC", "+"), Map.entry("-(", "{"),
            Map.entry(")-", "}"), Map.entry("S|", "$"), Map.entry("'g", "`"), Map.entry("`g", "`"),
            Map.entry("a'", "á"), Map.entry("e'", "é"), Map.entry("i'", "í"), Map.entry("o'", "ó"),
            Map.entry("u'", "ú"), Map.entry("a^", "â"), Map.entry("e^", "ê"), Map.entry("o^", "ô"),
            Map.entry("a:", "ä"), Map.entry("o:", "ö"), Map.entry("u:", "ü"), Map.entry("n~", "ñ"),
            Map.entry("c,", "ç"), Map.entry("ss", "ß"), Map.entry("L-", "£"), Map.entry("Y=", "¥"),
            Map.entry("E=", "€"), Map.entry("y'", "ý"), Map.entry("a`", "à"), Map.entry("e`", "è"));

    private final int ruleWidth;

    /** @param ruleWidth width of a full-width rule ({@code {hline}}, {@code {.-}}): the log's line size minus one */
    public SmclToText(int ruleWidth) {
        this.ruleWidth = ruleWidth;
    }

    /** Converts a whole SMCL document; a leading {@code {smcl}} line is dropped. */
    public String convert(String smcl) {
        List<String> out = new ArrayList<>();
        List<String> lines = smcl.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == 0 && line.strip().equals("{smcl}")) {
                continue;
            }
            out.add(line(line));
        }
        return String.join("\n", out) + (smcl.endsWith("\n") ? "\n" : "");
    }

    /** Converts one line of SMCL. */
    public String line(String smcl) {
        StringBuilder out = new StringBuilder();
        render(smcl, out);
        return out.toString().replaceAll("\\s+$", "");
    }

    private void render(String s, StringBuilder out) {
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '{') {
                out.append(c);
                i++;
                continue;
            }
            int close = matchingBrace(s, i);
            if (close < 0) {
                out.append(s, i, s.length());
                return;
            }
            directive(s.substring(i + 1, close), out);
            i = close + 1;
        }
    }

    private void directive(String inner, StringBuilder out) {
        if (inner.startsWith("*")) {
            return; // SMCL comment
        }
        int colon = topLevelColon(inner);
        String head = colon < 0 ? inner : inner.substring(0, colon);
        String text = colon < 0 ? null : inner.substring(colon + 1);
        String name = head.strip();
        String args = "";
        int space = name.indexOf(' ');
        if (space >= 0) {
            args = name.substring(space + 1).strip();
            name = name.substring(0, space);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "c", "char" -> out.append(character(args));
            case ".-" -> out.append("-".repeat(ruleWidth));
            case "hline" -> out.append("-".repeat(number(args, ruleWidth - column(out))));
            case "dup" -> {
                String unit = render(text == null ? "" : text);
                out.append(unit.repeat(Math.max(0, number(args, 0))));
            }
            case "col", "column" -> {
                int target = number(args, 1) - 1;
                out.append(" ".repeat(Math.max(0, target - column(out))));
            }
            case "space" -> out.append(" ".repeat(Math.max(0, number(args, 1))));
            case "ralign", "lalign", "center", "centre", "right" -> align(lower, args, text, out);
            case "break", "p_end", "p", "pstd", "phang", "phang2", "phang3", "pmore", "pmore2", "pmore3", "pin",
                    "pin2", "pin3", "psee", "p2col", "p2colset", "p2colreset", "p2line", "synopt", "synopthdr",
                    "synoptline", "synoptset", "syntab", "p2coldent", "marker", "vieweralsosee", "viewerjumpto",
                    "viewerdialog", "smcl", "asis", "s6hlp", "reset", "ul", "sf", "bf", "it", "txt", "text", "res",
                    "result", "err", "error", "com", "inp", "input", "hi", "cmd", "title" -> {
                if (text != null) {
                    render(text, out);
                }
            }
            default -> {
                if (text != null) {
                    render(text, out);
                } else if (LINKS.contains(lower)) {
                    linkWithoutText(lower, args, out);
                }
                // an unknown directive without text shows nothing
            }
        }
    }

    private void linkWithoutText(String name, String args, StringBuilder out) {
        String visible = args.replaceAll(",.*$", "").strip();
        if (visible.startsWith("\"") && visible.endsWith("\"") && visible.length() >= 2) {
            visible = visible.substring(1, visible.length() - 1);
        }
        if (name.startsWith("manhelp") || name.startsWith("manlink")) {
            String[] parts = visible.split("\\s+");
            if (parts.length == 2) {
                visible = "[" + parts[1] + "] " + parts[0];
            }
        }
        out.append(visible);
    }

    private void align(String how, String args, String text, StringBuilder out) {
        String content = render(text == null ? "" : text);
        int width = how.equals("right") ? ruleWidth - column(out) : number(args, content.length());
        int pad = Math.max(0, width - content.length());
        switch (how) {
            case "ralign", "right" -> out.append(" ".repeat(pad)).append(content);
            case "lalign" -> out.append(content).append(" ".repeat(pad));
            default -> out.append(" ".repeat(pad / 2)).append(content).append(" ".repeat(pad - pad / 2));
        }
    }

    private String render(String s) {
        StringBuilder b = new StringBuilder();
        render(s, b);
        return b.toString();
    }

    private static String character(String code) {
        String known = CHARS.get(code);
        if (known != null) {
            return known;
        }
        try {
            int cp = code.toLowerCase(Locale.ROOT).startsWith("0x") ? Integer.parseInt(code.substring(2), 16)
                    : Integer.parseInt(code);
            return new String(Character.toChars(cp));
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static int number(String args, int fallback) {
        try {
            return Integer.parseInt(args.strip().split("\\s+")[0]);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static int column(StringBuilder out) {
        int nl = out.lastIndexOf("\n");
        return out.length() - (nl + 1);
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

    private static int topLevelColon(String inner) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ':' && depth == 0 && !quoted) {
                return i;
            }
        }
        return -1;
    }
}
