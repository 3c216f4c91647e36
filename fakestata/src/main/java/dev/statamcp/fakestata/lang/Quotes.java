package dev.statamcp.fakestata.lang;

/** Helpers for Stata's two kinds of quotes: "simple" and `"compound"' (which nest). */
public final class Quotes {
    private Quotes() {
    }

    /** Given the index of a {@code `"} opener, the index of its matching {@code "'}, or -1. */
    public static int compoundEnd(String s, int open) {
        int depth = 0;
        int i = open;
        while (i < s.length() - 1) {
            if (s.charAt(i) == '`' && s.charAt(i + 1) == '"') {
                depth++;
                i += 2;
            } else if (s.charAt(i) == '"' && s.charAt(i + 1) == '\'') {
                depth--;
                if (depth == 0) {
                    return i;
                }
                i += 2;
            } else {
                i++;
            }
        }
        return -1;
    }

    /** Index just past the quoted string starting at {@code i} (a {@code "} or {@code `"}), or -1 if unclosed. */
    public static int skip(String s, int i) {
        if (s.charAt(i) == '"') {
            int end = s.indexOf('"', i + 1);
            return end < 0 ? -1 : end + 1;
        }
        int end = compoundEnd(s, i);
        return end < 0 ? -1 : end + 2;
    }

    public static boolean opensQuote(String s, int i) {
        char c = s.charAt(i);
        return c == '"' || (c == '`' && i + 1 < s.length() && s.charAt(i + 1) == '"');
    }

    /** Removes one level of enclosing quotes, simple or compound. */
    public static String strip(String s) {
        String t = s.trim();
        if (t.length() >= 4 && t.startsWith("`\"") && t.endsWith("\"'")) {
            return t.substring(2, t.length() - 2);
        }
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }

    /** Quotes a string for reuse in a command, compound quotes when it contains a double quote. */
    public static String quote(String s) {
        return s.indexOf('"') >= 0 ? "`\"" + s + "\"'" : "\"" + s + "\"";
    }
}
