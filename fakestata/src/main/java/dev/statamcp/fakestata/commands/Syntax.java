package dev.statamcp.fakestata.commands;

import dev.statamcp.fakestata.exec.StataError;
import dev.statamcp.fakestata.lang.Quotes;

/**
 * The standard shape of a command's arguments, {@code [main] [if exp] [in range] [using file] [, options]}, split
 * at the top level (never inside quotes or parentheses).
 *
 * @param main the text before if/in/using/comma, trimmed
 * @param ifExp the expression after {@code if}, or null
 * @param inRange the range after {@code in}, or null
 * @param using the file name after {@code using} (quotes removed), or null
 * @param options the parsed options
 */
public record Syntax(String main, String ifExp, String inRange, String using, Options options) {

    public static Syntax parse(String args, String... optionSpecs) {
        String text = args == null ? "" : args;
        int comma = topLevel(text, ',');
        String head = comma < 0 ? text : text.substring(0, comma);
        String opts = comma < 0 ? "" : text.substring(comma + 1);
        Options options = Options.parse(opts, optionSpecs);
        String ifExp = null;
        String in = null;
        String using = null;
        int[] cut = new int[]{head.length()};
        int ifAt = keyword(head, "if");
        int inAt = keyword(head, "in");
        int usingAt = keyword(head, "using");
        int mainEnd = head.length();
        for (int at : new int[]{ifAt, inAt, usingAt}) {
            if (at >= 0) {
                mainEnd = Math.min(mainEnd, at);
            }
        }
        if (ifAt >= 0) {
            ifExp = head.substring(ifAt + 2, nextKeyword(ifAt, inAt, usingAt, head.length())).trim();
            if (ifExp.isEmpty()) {
                throw StataError.of(198, "invalid syntax");
            }
        }
        if (inAt >= 0) {
            in = head.substring(inAt + 2, nextKeyword(inAt, ifAt, usingAt, head.length())).trim();
        }
        if (usingAt >= 0) {
            using = Quotes.strip(head.substring(usingAt + 5, nextKeyword(usingAt, ifAt, inAt, head.length())).trim());
        }
        cut[0] = mainEnd;
        return new Syntax(head.substring(0, cut[0]).trim(), ifExp, in, using, options);
    }

    private static int nextKeyword(int at, int a, int b, int end) {
        int next = end;
        if (a > at) {
            next = Math.min(next, a);
        }
        if (b > at) {
            next = Math.min(next, b);
        }
        return next;
    }

    /** Position of the first top-level occurrence of {@code c}, or -1. */
    public static int topLevel(String s, char c) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Quotes.opensQuote(s, i)) {
                int end = Quotes.skip(s, i);
                if (end < 0) {
                    return -1;
                }
                i = end - 1;
                continue;
            }
            if (ch == '(' || ch == '[') {
                depth++;
            } else if (ch == ')' || ch == ']') {
                depth--;
            } else if (ch == c && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Position of a keyword standing as its own word at the top level, or -1. */
    public static int keyword(String s, String word) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Quotes.opensQuote(s, i)) {
                int end = Quotes.skip(s, i);
                if (end < 0) {
                    return -1;
                }
                i = end - 1;
                continue;
            }
            if (ch == '(' || ch == '[') {
                depth++;
            } else if (ch == ')' || ch == ']') {
                depth--;
            } else if (depth == 0 && s.startsWith(word, i) && (i == 0 || Character.isWhitespace(s.charAt(i - 1)))
                    && (i + word.length() == s.length() || Character.isWhitespace(s.charAt(i + word.length()))
                    || s.charAt(i + word.length()) == '"' || s.charAt(i + word.length()) == '`')) {
                return i;
            }
        }
        return -1;
    }

    public boolean hasOption(String name) {
        return options.has(name);
    }

    /** Fails with r(101) or r(198) when the command takes no main arguments but got some. */
    public Syntax requireEmptyMain() {
        if (!main.isEmpty()) {
            throw StataError.of(198, "invalid syntax");
        }
        return this;
    }
}
