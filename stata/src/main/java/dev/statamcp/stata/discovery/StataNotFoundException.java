package dev.statamcp.stata.discovery;

/** No usable Stata was found; the message is the discovery report's explanation. */
public final class StataNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StataNotFoundException(String explanation) {
        super(explanation);
    }
}
