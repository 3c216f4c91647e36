package dev.statamcp.server.results;

import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hint for a Stata error: the return code's meaning from Stata's table, plus advice for the errors people and
 * models hit most, phrased as what to do next.
 */
public final class ErrorHints {
    private static final Pattern FILE_NOT_FOUND = Pattern.compile("file (.+?) not found");

    private final IntFunction<String> codeMeaning;

    /** @param codeMeaning Stata's short message for a return code, or null when the table has none */
    public ErrorHints(IntFunction<String> codeMeaning) {
        this.codeMeaning = codeMeaning;
    }

    /**
     * @param rc      the return code
     * @param message Stata's error message (may be null)
     * @param cwd     the working directory Stata was in, when known
     */
    public String hint(int rc, String message, String cwd) {
        String meaning = codeMeaning.apply(rc);
        String base = "r(" + rc + ")" + (meaning == null ? "" : ": " + meaning) + ".";
        String advice = advice(rc, message == null ? "" : message, cwd);
        return advice == null ? base : base + " " + advice;
    }

    private static String advice(int rc, String message, String cwd) {
        return switch (rc) {
            case 1 -> "The run was stopped by Break (a cancel or a time limit); the session and its data are kept.";
            case 4 -> "The data in memory changed since it was last saved: save it first, or add the clear option"
                    + " (e.g. use file, clear).";
            case 9 -> "An assert in the code found data that breaks the stated rule; inspect the offending rows with"
                    + " stata_data list and an if condition.";
            case 100, 102, 103 -> "Check the variable list the command expects (see stata_help for its syntax).";
            case 109 -> "A string and a numeric value were mixed: compare strings with \"...\" and numbers without,"
                    + " or convert with destring/tostring.";
            case 110 -> "The name is already taken: use replace instead of generate, or drop the variable first.";
            case 111 -> "Check the variable name (Stata names are case-sensitive); stata_data describe lists the"
                    + " variables in memory.";
            case 198 -> "Check the command's syntax, options and commas; stata_help shows the syntax.";
            case 199 -> "Check the spelling; if it is a user-written command, it may need to be installed"
                    + " (ssc install name).";
            case 301 -> "Run an estimation command (e.g. regress) before asking for its results.";
            case 459, 2000, 2001 -> "Check the if/in conditions and that the expected data is loaded"
                    + " (stata_data describe).";
            case 601 -> fileNotFound(message, cwd);
            case 602 -> "The file exists already: add the replace option to overwrite it.";
            case 603 -> "Stata could not open the file: check the folder exists and is writable, and that no other"
                    + " program holds it open.";
            case 604 -> "A log with that name is open already: close it with log close, or use another name().";
            case 610 -> "The file is not a Stata dataset: read other formats with import delimited, import excel"
                    + " or the matching import command.";
            case 900, 901, 909, 950 -> "Stata ran out of memory: drop unneeded variables or observations, or"
                    + " compress the data.";
            default -> null;
        };
    }

    private static String fileNotFound(String message, String cwd) {
        Matcher m = FILE_NOT_FOUND.matcher(message);
        String file = m.find() ? m.group(1) : "the file";
        String where = cwd == null ? "" : " Stata was in " + cwd + ", and relative paths start there.";
        return "Stata looked for " + file + " and did not find it." + where
                + " Use an absolute path or cd to the data folder first.";
    }
}
