package dev.statamcp.stata.log;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape of a log line, judged from the line and the shape of the line before it. An echo can only start at a
 * command boundary (start, after a blank line, after another echo, after {@code end of do-file}); elsewhere a line
 * beginning with {@code ". "} is output (a {@code list} row or text a program printed).
 */
enum LineSyntax {
    BLANK,
    /** {@code . command}. */
    ECHO_START,
    /** {@code . } alone: the echo of an empty or final line of a do-file. */
    EMPTY_ECHO,
    /** {@code   2. body} inside a block being defined. */
    ECHO_NUMBERED,
    /** {@code > rest} after an echo (wrapped or {@code ///}-continued). */
    ECHO_CONTINUATION,
    END_OF_DO_FILE,
    RETURN_CODE,
    BREAK,
    TEXT;

    private static final Pattern RETURN_CODE_LINE = Pattern.compile("^\\s*r\\((\\d{1,9})\\);\\s*$");
    private static final Pattern NUMBERED = Pattern.compile("^\\s+\\d+\\.( .*)?$");

    boolean isEcho() {
        return this == ECHO_START || this == EMPTY_ECHO || this == ECHO_NUMBERED || this == ECHO_CONTINUATION;
    }

    /** Blank lines, bare {@code . } echoes and {@code end of do-file}: how a do-file ends. */
    boolean isFraming() {
        return this == BLANK || this == EMPTY_ECHO || this == END_OF_DO_FILE;
    }

    static LineSyntax of(String line, LineSyntax previous) {
        if (line.isBlank()) {
            return BLANK;
        }
        String trimmed = line.strip();
        if (trimmed.equals("--Break--")) {
            return BREAK;
        }
        if (RETURN_CODE_LINE.matcher(line).matches()) {
            return RETURN_CODE;
        }
        if (line.stripTrailing().equals("end of do-file")) {
            return END_OF_DO_FILE;
        }
        boolean atBoundary = previous == null || previous == BLANK || previous.isEcho() || previous == END_OF_DO_FILE;
        if (atBoundary && (line.startsWith(". ") || line.equals("."))) {
            return line.substring(1).isBlank() ? EMPTY_ECHO : ECHO_START;
        }
        boolean afterEcho = previous != null && previous.isEcho();
        if (afterEcho && (line.startsWith("> ") || line.equals(">"))) {
            return ECHO_CONTINUATION;
        }
        if (afterEcho && NUMBERED.matcher(line).matches()) {
            return ECHO_NUMBERED;
        }
        return TEXT;
    }

    /** The code of an {@code r(N);} line, or -1. */
    static int returnCode(String line) {
        Matcher m = RETURN_CODE_LINE.matcher(line);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }
}
