package dev.statamcp.stata.discovery;

/** The answer of running a candidate binary with a tiny do-file. */
public sealed interface Verification permits Verification.Accepted, Verification.Rejected {

    /** It ran and printed its version. */
    record Accepted(String version, Edition edition, boolean emulator) implements Verification {
    }

    /** It did not: why, in words a person can act on. */
    record Rejected(Reason reason, String detail) implements Verification {
    }

    enum Reason {
        /** Stata said its licence is missing, expired or has no free seat. */
        LICENSE,
        /** Did not finish within the time limit. */
        TIMEOUT,
        /** Could not be executed at all. */
        NOT_EXECUTABLE,
        /** Ran, but did not answer like Stata. */
        NOT_STATA
    }
}
