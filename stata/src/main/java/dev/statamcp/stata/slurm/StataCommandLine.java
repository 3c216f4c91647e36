package dev.statamcp.stata.slurm;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Quoting for the two languages a batch script speaks: bash (the script) and Stata (the {@code do "file" args}
 * command line that the Stata binary rebuilds from its arguments and then runs like a typed command).
 */
final class StataCommandLine {

    private StataCommandLine() {
    }

    /**
     * Refuses paths that cannot be written inside a Stata {@code "..."} string or an {@code #SBATCH} value: a
     * double quote ends the string, and {@code `} or {@code $} would be expanded as Stata macros.
     */
    static void checkPath(String what, Path path) {
        String s = path.toString();
        if (s.contains("\"") || s.contains("`") || s.contains("$") || s.contains("\n") || s.contains("\r")) {
            throw new IllegalArgumentException("the " + what + " path " + s + " contains a quote, ` or $ or a"
                    + " line break, which Stata would misread; rename it or run from another folder");
        }
    }

    /**
     * Refuses do-file arguments that would not reach the do-file as written: Stata expands {@code `...'} and
     * {@code $name} on the command line, and a double quote cannot be nested in the quotes used for arguments
     * with spaces.
     */
    static void checkArgument(String arg) {
        if (arg == null || arg.contains("`") || arg.contains("$") || arg.contains("\"") || arg.contains("\n")
                || arg.contains("\r")) {
            throw new IllegalArgumentException("do-file argument " + (arg == null ? "null" : "'" + arg + "'")
                    + " contains `, $, a double quote or a line break; Stata would expand or split it."
                    + " Pass the value without these characters (e.g. via a file the do-file reads)");
        }
    }

    /** One Stata token: bare when it is one word, else in double quotes so the do-file sees it as one argument. */
    static String stataToken(String s) {
        return !s.isEmpty() && s.chars().noneMatch(Character::isWhitespace) ? s : "\"" + s + "\"";
    }

    /** A bash word that stands for exactly {@code s}. */
    static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /**
     * The name of the batch log Stata writes for {@code do <file>}: the file's name without {@code .do}, cut at the
     * first space (research/stata-engine.md 1.1: {@code do "foo bar.do"} writes {@code foo.log}), plus {@code .log}.
     */
    static String logName(Path doFile) {
        String name = doFile.getFileName().toString();
        if (name.toLowerCase(Locale.ROOT).endsWith(".do")) {
            name = name.substring(0, name.length() - 3);
        }
        int space = name.indexOf(' ');
        return (space >= 0 ? name.substring(0, space) : name) + ".log";
    }
}
