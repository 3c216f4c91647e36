package dev.statamcp.bench.scenario;

/** The verdict on one target, with the numbers it was reached from. */
public record TargetResult(String label, Verdict verdict, String detail) {

    public enum Verdict { MET, NOT_MET, NOT_MEASURED }

    public static TargetResult notMeasured(String label, String why) {
        return new TargetResult(label, Verdict.NOT_MEASURED, why);
    }
}
