package dev.statamcp.stata.log;

/** What a line of Stata output is. */
public enum LineKind {
    /** Stata's echo of a command it is about to run ({@code . gen x = 1}, {@code   2. display i}, {@code > ...}). */
    ECHO,
    /** Anything the commands printed. */
    OUTPUT,
    /** An error message, {@code r(N);} or {@code --Break--}. */
    ERROR
}
