package dev.statamcp.bench.scenario;

import java.util.List;
import java.util.Optional;

/** A goal a figure is judged by: a limit in milliseconds, or a ratio against a peer measured in the same run. */
public sealed interface Target {

    String label();

    /** Judges the target on all measurements of the run; "not measured" when a figure it needs is missing. */
    TargetResult judge(List<Measurement> all);

    /** Which latency statistic a target reads. */
    enum Stat {
        MEDIAN, P99;

        double of(Measurement m) {
            return this == MEDIAN ? m.latency().medianMs() : m.latency().p99Ms();
        }

        String label() {
            return this == MEDIAN ? "median" : "p99";
        }
    }

    /** The first of the named subjects that has a successful measurement in the scenario. */
    static Optional<Measurement> find(List<Measurement> all, String scenarioId, List<String> subjects) {
        for (String subject : subjects) {
            for (Measurement m : all) {
                if (m.scenarioId().equals(scenarioId) && m.subject().equals(subject) && m.succeeded()) {
                    return Optional.of(m);
                }
            }
        }
        return Optional.empty();
    }

    /** A target of the issue whose figure is not built yet; the report lists it so nothing is silently left out. */
    record Pending(String label, String why) implements Target {
        @Override
        public TargetResult judge(List<Measurement> all) {
            return TargetResult.notMeasured(label, why);
        }
    }

    /** {@code stat} of the first available of {@code subjects} is at most {@code limitMs}. */
    record Limit(String label, String scenarioId, List<String> subjects, Stat stat, double limitMs) implements Target {
        @Override
        public TargetResult judge(List<Measurement> all) {
            return find(all, scenarioId, subjects)
                    .map(m -> {
                        double value = stat.of(m);
                        return new TargetResult(label, value <= limitMs ? TargetResult.Verdict.MET
                                : TargetResult.Verdict.NOT_MET,
                                String.format("%s %s = %.2f ms (limit %.0f ms)", m.subject(), stat.label(), value,
                                        limitMs));
                    })
                    .orElse(TargetResult.notMeasured(label, "no successful measurement of " + subjects));
        }
    }

    /**
     * {@code stat} of the first available of {@code subjects} is at most {@code factor} times that of the peer: the
     * named one, or the fastest peer measured in the scenario when {@code peer} is null.
     */
    record Ratio(String label, String scenarioId, List<String> subjects, Stat stat, double factor, String peer)
            implements Target {
        @Override
        public TargetResult judge(List<Measurement> all) {
            Optional<Measurement> ours = find(all, scenarioId, subjects);
            Optional<Measurement> against = peer != null ? find(all, scenarioId, List.of(peer))
                    : all.stream()
                            .filter(m -> m.scenarioId().equals(scenarioId) && !m.ours() && m.succeeded())
                            .min((a, b) -> Double.compare(stat.of(a), stat.of(b)));
            if (ours.isEmpty() || against.isEmpty()) {
                return TargetResult.notMeasured(label, ours.isEmpty() ? "no successful measurement of " + subjects
                        : "no peer measured");
            }
            double value = stat.of(ours.get());
            double reference = stat.of(against.get());
            double ratio = value / reference;
            return new TargetResult(label, ratio <= factor ? TargetResult.Verdict.MET : TargetResult.Verdict.NOT_MET,
                    String.format("%s %s %.3f ms / %s %.3f ms = %.2f× (limit %.2f×)", ours.get().subject(),
                            stat.label(), value, against.get().subject(), reference, ratio, factor));
        }
    }
}
