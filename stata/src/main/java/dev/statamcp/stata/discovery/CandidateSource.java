package dev.statamcp.stata.discovery;

/** Where discovery found a candidate, in the order sources are consulted. */
public enum CandidateSource {
    /** The {@code STATA_PATH} environment variable (a binary or a folder). */
    STATA_PATH("STATA_PATH"),
    /** The path in the configuration file. */
    CONFIG("configuration file"),
    /** A console binary on {@code PATH}. */
    PATH("PATH"),
    /** A standard install location of the platform. */
    STANDARD_LOCATION("standard location");

    private final String label;

    CandidateSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** STATA_PATH and the configuration file are the user's explicit choice. */
    public boolean explicit() {
        return this == STATA_PATH || this == CONFIG;
    }
}
