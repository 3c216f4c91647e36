package dev.statamcp.bench.report;

import dev.statamcp.bench.fuzz.Finding;
import dev.statamcp.bench.fuzz.FuzzCategory;
import dev.statamcp.bench.fuzz.FuzzResult;
import dev.statamcp.bench.fuzz.Problem;
import java.util.List;
import java.util.Map;

/** Renders fuzz runs as Markdown: what was checked, a summary per server and transport, then every finding. */
public final class ReliabilityWriter {

    /** One fuzz run and whether it is ours (judged) or a peer's (shown for comparison). */
    public record Run(String server, boolean ours, FuzzResult result) {
    }

    public String render(MachineInfo machine, long seed, List<Run> runs, boolean strict, String handNotes) {
        StringBuilder out = new StringBuilder();
        out.append("# Reliability: JSON-RPC fuzz\n\n");
        out.append("Written by `scripts/reliability` on ").append(machine.date()).append(" from commit `")
                .append(machine.commit()).append("`, seed ").append(seed).append(" (every message derives from the")
                .append(" seed and its number, so any finding replays alone). Machine: ").append(machine.cpuModel())
                .append(", ").append(machine.cores()).append(" cores; ").append(machine.java()).append(".\n\n");
        out.append("""
                Each message is sent to a server in an initialized session. Over stdio every message is followed by a
                `ping` with a fresh id, whose answer proves the server still reads and marks the end of the message's
                answers; over HTTP each message is one POST (6 % with wrong headers), and every 25 messages a valid
                tool call runs in the same session. Checked, message by message:

                - **FATAL**: the server died, hung (no answer within 10 s), or stopped working;
                - **BROKEN**: something on stdout or in a response that is not well-formed JSON-RPC, an answer with an
                  id that was never sent, a request with a usable id left without an answer (or answered with a bare
                  HTTP status), a valid request answered with an error, an HTTP 5xx, a dropped connection;
                - **SPEC**: JSON-RPC rules beyond those: no error answer to unparseable text or to an invalid request
                  without a usable id, an HTTP error whose JSON body is not JSON-RPC.

                At the end a valid `tools/call` (over HTTP in a new session) must still answer correctly. Ours passes
                when it has no FATAL or BROKEN finding and the final call works.
                """).append("\n");
        out.append("## Summary\n\n");
        out.append("| server | transport | messages | bytes | fatal | broken | spec | final call | verdict |\n");
        out.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Run run : runs) {
            FuzzResult r = run.result();
            out.append(String.format("| %s | %s | %,d | %,d | %d | %d | %d | %s | %s |%n",
                    run.ours() ? "**" + run.server() + "**" : run.server(), r.transport(), r.sent(), r.bytesSent(),
                    r.count(Problem.Severity.FATAL), r.count(Problem.Severity.BROKEN),
                    r.count(Problem.Severity.SPEC), r.finalCheckPassed() ? "works" : "**fails**",
                    r.passed(strict) ? "pass" : (run.ours() ? "**FAIL**" : "fail")));
        }
        if (handNotes != null && !handNotes.isBlank()) {
            out.append('\n').append(handNotes.strip()).append('\n');
        }
        out.append("\n## Messages by category\n\n");
        out.append("| category | what | share |");
        for (Run run : runs) {
            out.append(' ').append(run.server()).append(' ').append(run.result().transport())
                    .append(" (sent / with findings) |");
        }
        out.append("\n|---|---|---|").append("---|".repeat(runs.size())).append('\n');
        for (FuzzCategory category : FuzzCategory.values()) {
            out.append("| ").append(category).append(" | ").append(category.description()).append(" | ")
                    .append(category.weight()).append(" % |");
            for (Run run : runs) {
                int[] counts = run.result().perCategory().get(category);
                out.append(String.format(" %,d / %,d |", counts[0], counts[1]));
            }
            out.append('\n');
        }
        for (Run run : runs) {
            FuzzResult r = run.result();
            out.append("\n## ").append(run.server()).append(", ").append(r.transport()).append("\n\n");
            out.append(r.summary()).append(".\n\n");
            if (r.perKind().isEmpty()) {
                out.append("No findings.\n");
                continue;
            }
            out.append("Findings by kind: ");
            out.append(String.join(", ", r.perKind().entrySet().stream()
                    .map(Map.Entry::getKey).map(k -> k + " × " + r.perKind().get(k)).toList()));
            out.append(". The first of each kind, exactly:\n\n");
            for (Finding finding : r.findings()) {
                out.append("- ").append(finding.describe(r.config().seed()).replace("\n", "\n  ")).append('\n');
            }
        }
        return out.toString();
    }
}
