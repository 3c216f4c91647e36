package dev.statamcp.bench.report;

import dev.statamcp.bench.scenario.TargetResult;
import java.util.List;

/**
 * One figure as a run measured it, kept beside the report so that a later run of some figures ({@code --only})
 * rewrites the report with the others as they were measured, never with numbers typed by hand.
 *
 * @param measured when, at which commit, whether quick, and the load average before → after the figure
 * @param section  the figure's Markdown section (table, method, details) as rendered when it was measured
 */
public record StoredFigure(String id, String measured, List<TargetResult> verdicts, String section) {
    public StoredFigure {
        verdicts = List.copyOf(verdicts);
    }
}
