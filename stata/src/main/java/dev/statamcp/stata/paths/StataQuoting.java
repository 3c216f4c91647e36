package dev.statamcp.stata.paths;

import java.nio.file.Path;

/**
 * Turns file paths and other text into Stata string literals that survive Stata's macro expansion.
 *
 * <p>Stata expands {@code `name'} and {@code $name} inside double-quoted strings before a command sees them, and
 * treats a backslash as the escape for exactly those two characters. So a path such as {@code /data/$raw/x.do}
 * or {@code C:\Users\`x'} silently changes meaning unless escaped. Windows paths are written with forward
 * slashes, which Stata accepts on every platform and which cannot turn into escapes. Apostrophes, spaces and
 * non-ASCII text need no escaping inside double quotes; a double quote inside the text needs compound quotes.
 */
public final class StataQuoting {

    private StataQuoting() {
    }

    /** Quotes a path of the platform this JVM runs on. */
    public static String quote(Path path) {
        return quote(path.toString(), isWindows());
    }

    /** Quotes text that is not a path (or a path that already uses forward slashes). */
    public static String quote(String text) {
        return quote(text, false);
    }

    /**
     * Quotes {@code text} as a Stata string literal.
     *
     * @param windowsPath when true, backslashes are path separators and are written as forward slashes
     * @throws IllegalArgumentException when the text cannot be expressed as a Stata string (a line break, a NUL,
     *         a backslash before {@code $} or a backtick on Unix, or a {@code "'} sequence together with a quote)
     */
    public static String quote(String text, boolean windowsPath) {
        StringBuilder body = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n', '\r', '\0' -> throw new IllegalArgumentException(
                        "Stata cannot use a name containing a line break or NUL character: " + printable(text));
                case '`' -> body.append("\\`");
                case '$' -> body.append("\\$");
                case '\\' -> {
                    if (windowsPath) {
                        body.append('/');
                    } else {
                        char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
                        if (next == '$' || next == '`') {
                            throw new IllegalArgumentException("Stata cannot use a name with a backslash before '"
                                    + next + "' (Stata reads it as an escape): " + printable(text)
                                    + ". Rename the file or folder.");
                        }
                        body.append('\\');
                    }
                }
                default -> body.append(c);
            }
        }
        String escaped = body.toString();
        if (escaped.indexOf('"') < 0) {
            return '"' + escaped + '"';
        }
        // Compound quotes `"..."' allow embedded double quotes; only the closing sequence "' cannot appear.
        if (escaped.contains("\"'")) {
            throw new IllegalArgumentException("Stata cannot quote a name containing both a double quote followed "
                    + "by an apostrophe: " + printable(text) + ". Rename the file or folder.");
        }
        return "`\"" + escaped + "\"'";
    }

    /**
     * An argument after {@code do file.do} on a batch command line: left bare when it is a plain word, quoted
     * otherwise so that Stata's own argument splitting keeps it whole.
     */
    public static String argument(String arg) {
        return argument(arg, false);
    }

    /** Like {@link #argument(String)}, for a path of Windows when {@code windowsPath}. */
    public static String argument(String arg, boolean windowsPath) {
        if (!arg.isEmpty() && arg.chars().allMatch(ch -> ch > ' ' && ch != '"' && ch != '`' && ch != '\''
                && ch != '$' && ch != '\\' && ch < 0x7f)) {
            return windowsPath ? arg.replace('\\', '/') : arg;
        }
        return quote(arg, windowsPath);
    }

    static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }

    private static String printable(String text) {
        return text.replace("\n", "\\n").replace("\r", "\\r").replace("\0", "\\0");
    }
}
