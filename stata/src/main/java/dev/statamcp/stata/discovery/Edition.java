package dev.statamcp.stata.discovery;

import java.util.Locale;

/** Stata editions, best first (the order discovery prefers at equal version). IC was renamed BE in Stata 17. */
public enum Edition {
    MP,
    SE,
    BE,
    IC,
    UNKNOWN;

    /** Preference rank: lower is better. */
    public int rank() {
        return ordinal();
    }

    /** The edition a binary's file name implies ({@code stata-mp}, {@code StataSE-64.exe}, {@code stata}...). */
    public static Edition fromBinaryName(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.contains("mp")) {
            return MP;
        }
        if (n.contains("se")) {
            return SE;
        }
        if (n.contains("ic")) {
            return IC;
        }
        if (n.contains("be") || n.equals("stata") || n.equals("stata.exe") || n.equals("stata-64.exe")) {
            return BE;
        }
        return UNKNOWN;
    }

    /** Parses what Stata reports in {@code c(edition)} ("MP", "SE", "BE", "IC"); UNKNOWN otherwise. */
    public static Edition parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
