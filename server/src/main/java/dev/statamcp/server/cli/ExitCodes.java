package dev.statamcp.server.cli;

import dev.statamcp.server.jobs.Job;

/**
 * Exit codes of {@code stata-mcp run}: Stata's own return code when a do-file fails, so scripts can test it. Stata
 * uses 1-9, 18 and 100-199 (and codes of 300 and more); the codes stata-mcp itself needs are taken from 250-254,
 * which no Stata error uses, so they can never be mistaken for one.
 */
final class ExitCodes {
    static final int SUCCEEDED = 0;
    /** A Stata error whose code does not fit in an exit status (256 and more; the code is printed). */
    static final int RC_OVER_255 = 250;
    /** Cancelled: Ctrl-C, or a cancel from elsewhere (a client, the REST API, {@code jobs cancel}). */
    static final int CANCELLED = 251;
    /** The job's time limit ({@code --timeout} or the timeout_seconds setting) was reached. */
    static final int TIMED_OUT = 252;
    /** Ended without a Stata return code: Stata crashed or was killed, or the run was interrupted. */
    static final int NO_RC = 253;
    /** Nothing ran: Stata not found, the do-file refused or missing, the job store unusable. */
    static final int NOT_STARTED = 254;


    private ExitCodes() {
    }

    static int of(Job ended) {
        return switch (ended.status()) {
            case SUCCEEDED -> SUCCEEDED;
            case CANCELLED -> CANCELLED;
            case TIMED_OUT -> TIMED_OUT;
            case INTERRUPTED -> NO_RC;
            case FAILED -> ended.rc() == null || ended.rc() <= 0 ? NO_RC : ended.rc() > 255 ? RC_OVER_255 : ended.rc();
            case QUEUED, RUNNING -> throw new IllegalArgumentException("job " + ended.id() + " has not ended");
        };
    }
}
