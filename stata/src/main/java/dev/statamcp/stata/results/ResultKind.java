package dev.statamcp.stata.results;

import java.util.Locale;

/** Stata's three classes of stored results. */
public enum ResultKind {
    /** r(): results of the last r-class command (summarize, tabulate, ...). */
    R,
    /** e(): results of the last estimation command (regress, ...). */
    E,
    /** s(): results of the last s-class command (parsing helpers). */
    S;

    public String letter() {
        return name().toLowerCase(Locale.ROOT);
    }
}
