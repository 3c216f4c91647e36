package dev.statamcp.fakestata.commands;

import dev.statamcp.fakestata.exec.StataError;
import dev.statamcp.fakestata.lang.Quotes;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options after the comma: {@code replace name(g1, replace) width(800)}. Each is matched against the command's
 * allowed options (capitals mark the shortest form); anything else is {@code option xyz not allowed}, r(198).
 */
public final class Options {
    private final Map<String, String> values = new LinkedHashMap<>();

    public static Options parse(String text, String... specs) {
        Options o = new Options();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '(') {
                i++;
            }
            String word = text.substring(start, i);
            String arg = null;
            if (i < n && text.charAt(i) == '(') {
                int depth = 0;
                int j = i;
                for (; j < n; j++) {
                    char c = text.charAt(j);
                    if (Quotes.opensQuote(text, j)) {
                        int end = Quotes.skip(text, j);
                        if (end < 0) {
                            throw StataError.of(198, "unmatched quote");
                        }
                        j = end - 1;
                        continue;
                    }
                    if (c == '(') {
                        depth++;
                    } else if (c == ')') {
                        depth--;
                        if (depth == 0) {
                            break;
                        }
                    }
                }
                if (j >= n) {
                    throw StataError.of(198, "invalid syntax");
                }
                arg = text.substring(i + 1, j).trim();
                i = j + 1;
            }
            String name = match(word, specs);
            if (name == null) {
                throw StataError.of(198, "option " + word + " not allowed");
            }
            o.values.put(name, arg == null ? "" : arg);
        }
        return o;
    }

    private static String match(String word, String[] specs) {
        String w = word.toLowerCase(java.util.Locale.ROOT);
        for (String spec : specs) {
            if (CommandTable.abbreviates(w, spec)) {
                return spec.toLowerCase(java.util.Locale.ROOT);
            }
        }
        return null;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The text inside the option's parentheses, empty when it has none, null when the option is absent. */
    public String get(String name) {
        return values.get(name);
    }

    /** The option's argument without enclosing quotes. */
    public String unquoted(String name) {
        String v = values.get(name);
        return v == null ? null : Quotes.strip(v);
    }

    public int integer(String name, int fallback) {
        String v = values.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return (int) Math.round(Double.parseDouble(v.trim()));
        } catch (NumberFormatException e) {
            throw StataError.of(198, "option " + name + "() invalid");
        }
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
