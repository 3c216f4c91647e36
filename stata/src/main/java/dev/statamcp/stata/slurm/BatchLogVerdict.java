package dev.statamcp.stata.slurm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a Stata batch log ends: the do-file ran to its end, stopped with an error, or the log stops early.
 *
 * <p>A minimal reader kept private to the Slurm client until the engine's log parser ({@code stata.log}) is
 * available to it; it follows research/stata-engine.md 1.1: find the last {@code end of do-file}; if the first
 * non-blank line after it (skipping {@code --Break--}) is {@code r(N);}, the run failed with N, otherwise it
 * succeeded; the message is the non-echo lines just above the first {@code r(N);} of the body.
 */
sealed interface BatchLogVerdict {

    /** The do-file ran to its end. */
    record Success() implements BatchLogVerdict {
    }

    /** Stata stopped with return code {@code rc}; {@code message} is Stata's error text, or null. */
    record Error(int rc, String message) implements BatchLogVerdict {
    }

    /** The log has no end-of-do-file framing: Stata was stopped (killed, crashed) while running. */
    record Incomplete(String lastLine) implements BatchLogVerdict {
    }

    Pattern RC = Pattern.compile("^\\s*r\\((\\d+)\\);\\s*$");
    Pattern ECHO = Pattern.compile("^(\\. |\\.$|> |\\s*\\d+\\. )");
    Pattern EXIT_STATA = Pattern.compile("^\\. +exit\\b.*", Pattern.CASE_INSENSITIVE);

    static BatchLogVerdict of(List<String> lines) {
        int end = -1;
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).strip().equals("end of do-file")) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            String last = lastNonBlank(lines);
            // A do-file that ends with `exit, STATA` leaves Stata before the end-of-do-file line is written.
            return last != null && EXIT_STATA.matcher(last).matches() ? new Success() : new Incomplete(last);
        }
        for (int i = end + 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.equals("--Break--")) {
                continue;
            }
            Matcher rc = RC.matcher(line);
            if (rc.matches()) {
                return new Error(Integer.parseInt(rc.group(1)), message(lines, rc.group(1)));
            }
            break;
        }
        return new Success();
    }

    /** The 1-3 lines of text just above the first {@code r(rc);} line, which Stata prints as the error. */
    private static String message(List<String> lines, String rc) {
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = RC.matcher(lines.get(i));
            if (m.matches() && m.group(1).equals(rc)) {
                List<String> text = new ArrayList<>();
                for (int j = i - 1; j >= 0 && text.size() < 3; j--) {
                    String line = lines.get(j);
                    if (line.isBlank() || ECHO.matcher(line).find() || line.strip().equals("--Break--")) {
                        break;
                    }
                    text.add(line.strip());
                }
                Collections.reverse(text);
                return text.isEmpty() ? null : String.join(" ", text);
            }
        }
        return null;
    }

    private static String lastNonBlank(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank()) {
                return lines.get(i);
            }
        }
        return null;
    }
}
