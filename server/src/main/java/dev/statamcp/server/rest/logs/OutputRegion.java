package dev.statamcp.server.rest.logs;

/**
 * Tells which lines of a job's log the job itself printed. A run in a console session is wrapped by the engine in a
 * few commands of its own (result holds, graph queries, completion markers) that Stata writes into the same log;
 * they are hidden here the way the engine hides them from the run's output: the job's output starts after the echo
 * of the engine's {@code capture noisily include} (and the blank line after it) and ends at the echo of the
 * {@code END} marker. Batch and cluster logs have no wrapper: every line is the job's.
 */
public final class OutputRegion {
    private static final String END_ECHO = ". display \"__SMCP_\" \"END_";
    private static final String BEGIN_MARKER = "__SMCP_BEGIN_";
    private static final String INCLUDE_ECHO = ". capture noisily include ";
    /** The engine's preamble is a few dozen lines; a log without the markers after this many is not wrapped. */
    private static final int MAX_WRAPPER_LINES = 400;

    /** Where the reading is: before the code, in the include echo, in the job's output, after it. */
    public enum Phase { PRE, INCLUDE, OUTPUT, POST }

    private Phase phase;
    private String runId;
    private boolean includeEchoSeen;
    private int wrapperLines;

    private OutputRegion(Phase phase) {
        this.phase = phase;
    }

    /** For the log of a console session run (code and do-files run in a session). */
    public static OutputRegion wrapped() {
        return new OutputRegion(Phase.PRE);
    }

    /** For a log with no wrapper (batch and cluster jobs). */
    public static OutputRegion plain() {
        return new OutputRegion(Phase.OUTPUT);
    }

    public Phase phase() {
        return phase;
    }

    public String runId() {
        return runId;
    }

    /** Feeds the next line of the log; true when the line is part of the job's own output. */
    public boolean accept(String line) {
        switch (phase) {
            case PRE -> {
                if (++wrapperLines > MAX_WRAPPER_LINES) {
                    phase = Phase.OUTPUT; // not the engine's layout after all: show everything
                    return true;
                }
                if (isEndEcho(line)) {
                    phase = Phase.POST; // a Break hit the wrapper before the code ran
                } else if (line.startsWith(BEGIN_MARKER) && line.stripTrailing().endsWith("__")) {
                    String rest = line.stripTrailing().substring(BEGIN_MARKER.length());
                    runId = rest.substring(0, rest.length() - 2);
                    phase = Phase.INCLUDE;
                }
                return false;
            }
            case INCLUDE -> {
                if (isEndEcho(line)) {
                    phase = Phase.POST;
                } else if (line.startsWith(INCLUDE_ECHO)) {
                    includeEchoSeen = true;
                } else if (includeEchoSeen && !line.startsWith("> ")) {
                    phase = Phase.OUTPUT;
                    return !line.isBlank();
                }
                return false;
            }
            case OUTPUT -> {
                if (runId != null && isEndEcho(line)) {
                    phase = Phase.POST;
                    return false;
                }
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** Whether the line is the echo of this run's END marker command (the echo may wrap inside the run id). */
    public boolean isEndEcho(String line) {
        if (!line.startsWith(END_ECHO)) {
            return false;
        }
        if (runId == null) {
            return true;
        }
        String rest = line.substring(END_ECHO.length());
        return rest.startsWith(runId) || runId.startsWith(rest);
    }

    /** Marks the output as over (the END echo was found before the point reading resumes from). */
    void endReached() {
        phase = Phase.POST;
    }

    /** Lines Stata echoes for commands: {@code . cmd}, a bare {@code .}, and numbered block lines {@code   2. cmd}. */
    public static boolean isEcho(String line) {
        if (line.startsWith(". ") || line.equals(".")) {
            return true;
        }
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        int digits = i;
        while (i < line.length() && Character.isDigit(line.charAt(i))) {
            i++;
        }
        return i > digits && digits > 0 && line.startsWith(". ", i);
    }
}
