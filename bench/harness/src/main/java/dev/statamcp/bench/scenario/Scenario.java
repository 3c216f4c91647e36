package dev.statamcp.bench.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * One figure of the benchmark: what is measured, on which servers, and the targets it is judged by. The report needs
 * nothing else.
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

    /**
     * The verdicts on this figure's targets. By default each of {@link #targets()} judged on the measurements;
     * figures whose targets need more than latencies (memory, a size limit, an order) override this.
     */
    default List<TargetResult> judge(List<Measurement> all) {
        List<TargetResult> verdicts = new ArrayList<>();
        for (Target target : targets()) {
            verdicts.add(target.judge(all));
        }
        return verdicts;
    }

    /** What one operation of the figure is, for column headings ("call": calls/s, server CPU µs/call). */
    default String operation() {
        return "call";
    }

    /** Further Markdown printed under the figure's table (facts found while measuring), or empty. */
    default String details() {
        return "";
    }
}
