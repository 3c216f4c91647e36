package dev.statamcp.bench.fuzz;

/** Something a server did wrong with one fuzz message. */
public record Problem(Severity severity, String kind, String detail) {

    /**
     * How bad it is. FATAL and BROKEN break the checks the reliability suite stands for (the server lives, every
     * request with an id gets a well-formed answer, nothing malformed comes out); SPEC is a JSON-RPC rule beyond
     * those (an error answer to text that has no usable id).
     */
    public enum Severity { FATAL, BROKEN, SPEC }

    static Problem fatal(String kind, String detail) {
        return new Problem(Severity.FATAL, kind, detail);
    }

    static Problem broken(String kind, String detail) {
        return new Problem(Severity.BROKEN, kind, detail);
    }

    static Problem spec(String kind, String detail) {
        return new Problem(Severity.SPEC, kind, detail);
    }
}
