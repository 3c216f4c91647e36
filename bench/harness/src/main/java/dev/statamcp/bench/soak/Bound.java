package dev.statamcp.bench.soak;

/**
 * One promise of the soak, its limit and what was measured.
 *
 * @param name     what is bounded
 * @param limit    the limit, in words and numbers
 * @param measured the measured value(s)
 */
public record Bound(String name, String limit, String measured, Status status) {
    /** NOT_JUDGED: the run was too short for this bound to mean anything (counts neither way). */
    public enum Status { MET, NOT_MET, NOT_JUDGED }

    static Bound of(String name, String limit, String measured, boolean met) {
        return new Bound(name, limit, measured, met ? Status.MET : Status.NOT_MET);
    }

    public String statusText() {
        return switch (status) {
            case MET -> "MET";
            case NOT_MET -> "**NOT MET**";
            case NOT_JUDGED -> "not judged";
        };
    }
}
