package dev.statamcp.fakestata.lang;

import dev.statamcp.fakestata.exec.StataError;

/**
 * Expands {@code `local'}, {@code $global} and {@code ${global}} in a command line, innermost first (so
 * {@code `x`i''} works), plus {@code `=exp'}, {@code `:extended function'}, {@code `++i'}/{@code `i++'}.
 * An undefined macro expands to nothing. {@code `"} opens a compound quote, not a macro, and {@code \`} or
 * {@code \$} give the character itself.
 */
public final class MacroExpander {
    private MacroExpander() {
    }

    /** The last text found to hold no macro: loop bodies pass the same String object again and again. */
    private static String lastPlain;

    public static String expand(String s, MacroEnvironment env) {
        if (s == lastPlain) {
            return s;
        }
        if (s.indexOf('`') < 0 && s.indexOf('$') < 0) {
            lastPlain = s;
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < n && (s.charAt(i + 1) == '`' || s.charAt(i + 1) == '$')) {
                out.append(s.charAt(i + 1));
                i += 2;
            } else if (c == '`') {
                if (i + 1 < n && s.charAt(i + 1) == '"') {
                    out.append("`\"");
                    i += 2;
                    continue;
                }
                int[] end = new int[1];
                String name = readReference(s, i + 1, env, end);
                if (name == null) {
                    out.append(c);
                    i++;
                } else {
                    out.append(resolve(name, env));
                    i = end[0] + 1;
                }
            } else if (c == '$') {
                i = global(s, i, env, out);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Reads the text of a {@code `...'} reference starting after the backtick, expanding nested references. */
    private static String readReference(String s, int from, MacroEnvironment env, int[] end) {
        StringBuilder name = new StringBuilder();
        int i = from;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\'') {
                end[0] = i;
                return name.toString();
            }
            if (c == '`' && !(i + 1 < n && s.charAt(i + 1) == '"')) {
                int[] inner = new int[1];
                String innerName = readReference(s, i + 1, env, inner);
                if (innerName == null) {
                    return null;
                }
                name.append(resolve(innerName, env));
                i = inner[0] + 1;
                continue;
            }
            if (c == '$') {
                i = global(s, i, env, name);
                continue;
            }
            name.append(c);
            i++;
        }
        return null;
    }

    private static String resolve(String ref, MacroEnvironment env) {
        if (ref.isEmpty()) {
            return "";
        }
        char first = ref.charAt(0);
        if (first == '=') {
            return env.evaluate(ref.substring(1));
        }
        if (first == ':') {
            return env.extended(ref.substring(1).trim());
        }
        if (ref.startsWith("++") || ref.startsWith("--")) {
            String name = ref.substring(2);
            String v = bump(env, name, ref.charAt(0) == '+' ? 1 : -1);
            return v;
        }
        if (ref.endsWith("++") || ref.endsWith("--")) {
            String name = ref.substring(0, ref.length() - 2);
            String old = env.local(name);
            bump(env, name, ref.charAt(ref.length() - 1) == '+' ? 1 : -1);
            return old;
        }
        return env.local(ref);
    }

    private static String bump(MacroEnvironment env, String name, int delta) {
        String old = env.local(name).trim();
        double v;
        try {
            v = old.isEmpty() ? 0 : Double.parseDouble(old);
        } catch (NumberFormatException e) {
            throw StataError.of(198, "invalid syntax");
        }
        String nv = NumberFormat.full(v + delta);
        env.setLocal(name, nv);
        return nv;
    }

    /** Expands a global at {@code s[i] == '$'} into {@code out}; returns the index after it. */
    private static int global(String s, int i, MacroEnvironment env, StringBuilder out) {
        int n = s.length();
        if (i + 1 < n && s.charAt(i + 1) == '{') {
            int close = s.indexOf('}', i + 2);
            if (close > 0) {
                String name = expand(s.substring(i + 2, close), env);
                out.append(env.global(name));
                return close + 1;
            }
        }
        int j = i + 1;
        if (j < n && (Character.isLetter(s.charAt(j)) || s.charAt(j) == '_')) {
            while (j < n && Lexer.isNameChar(s.charAt(j)) && j - i <= 32) {
                j++;
            }
            out.append(env.global(s.substring(i + 1, j)));
            return j;
        }
        out.append('$');
        return i + 1;
    }
}
