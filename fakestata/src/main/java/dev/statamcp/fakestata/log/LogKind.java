package dev.statamcp.fakestata.log;

/** The two log formats of {@code log using}: plain text ({@code , text}) or SMCL (the default). */
public enum LogKind {
    TEXT("text"),
    SMCL("smcl");

    private final String word;

    LogKind(String word) {
        this.word = word;
    }

    /** How {@code log query} and the log header name the format. */
    public String word() {
        return word;
    }
}
