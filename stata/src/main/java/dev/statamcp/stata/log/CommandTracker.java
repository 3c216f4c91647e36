package dev.statamcp.stata.log;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Follows which top-level command of the submitted code Stata is running, by matching echo lines against the
 * {@link DoFileOutline}. Echoes of nested do-files and loop bodies do not match the next expected command and are
 * ignored, so the count only moves forward through the code the user wrote. Thread-safe for one writer and many
 * readers.
 */
public final class CommandTracker {

    /** How many expected commands ahead an echo may match (an echo Stata shows differently must not stall us). */
    private static final int LOOKAHEAD = 3;
    /** A shorter echo than this must match a whole line; a longer one may be the first part of a wrapped echo. */
    private static final int MIN_PREFIX = 20;

    private final List<DoFileOutline.Command> commands;
    private final List<String> squeezedFirst = new ArrayList<>();
    private final List<String> squeezedAll = new ArrayList<>();
    private final List<int[]> matches = new ArrayList<>(); // {output line index, code line}
    private volatile int echoed;
    private volatile int currentLine;

    public CommandTracker(DoFileOutline outline) {
        this.commands = outline.commands();
        for (DoFileOutline.Command c : commands) {
            squeezedFirst.add(squeeze(c.firstLine()));
            squeezedAll.add(squeeze(c.text()));
        }
    }

    /** Total top-level commands in the code. */
    public int total() {
        return commands.size();
    }

    /** Top-level commands Stata has echoed (started) so far. */
    public int echoed() {
        return echoed;
    }

    /** The line (1-based) of the last started top-level command, 0 before the first. */
    public int currentLine() {
        return currentLine;
    }

    /**
     * Offers the text of an echo line ({@code ". "} already removed) that was the {@code outputIndex}-th line of
     * the run's output. Returns true when it matched the next command(s).
     */
    public synchronized boolean onEcho(String echoText, int outputIndex) {
        String echo = squeeze(echoText);
        if (echo.isEmpty()) {
            return false;
        }
        for (int k = echoed; k < Math.min(commands.size(), echoed + LOOKAHEAD); k++) {
            String first = squeezedFirst.get(k);
            String all = squeezedAll.get(k);
            boolean match = echo.equals(first) || echo.equals(all)
                    || (echo.length() >= MIN_PREFIX && (all.startsWith(echo) || first.startsWith(echo)));
            if (match) {
                currentLine = commands.get(k).line();
                matches.add(new int[] {outputIndex, currentLine});
                echoed = k + 1;
                return true;
            }
        }
        return false;
    }

    /** The code line of the top-level command that was running when output line {@code outputIndex} was written. */
    public synchronized OptionalInt lineAt(int outputIndex) {
        int line = -1;
        for (int[] m : matches) {
            if (m[0] <= outputIndex) {
                line = m[1];
            } else {
                break;
            }
        }
        return line < 0 ? OptionalInt.empty() : OptionalInt.of(line);
    }

    /** Whitespace removed, so that wrapping and tab expansion in echoes do not matter. */
    static String squeeze(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }
}
