package dev.statamcp.bench.scenario;

import java.util.List;

/**
 * One figure of the benchmark: what is measured, on which servers, and the targets it is judged by. Later figures
 * (output latency, volume, scale, cancel) are more implementations of this interface; the report needs nothing else.
 */
public interface Scenario {

    /** Stable id, used in tables and in targets, e.g. {@code call.http.16}. */
    String id();

    /** Heading in the report. */
    String title();

    /** One or two sentences on how the figure is taken, printed under the heading. */
    String method();

    /** Measures every server this figure applies to; a server that fails yields a measurement saying why. */
    List<Measurement> run(BenchContext context) throws InterruptedException;

    /** The targets judged on this figure's measurements. */
    default List<Target> targets() {
        return List.of();
    }
}
