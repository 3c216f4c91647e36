package dev.statamcp.server.tools;

import dev.statamcp.mcp.tools.Tool;
import dev.statamcp.mcp.tools.ToolAnnotations;
import dev.statamcp.server.sweep.SweepId;

/** {@code stata_sweep_cancel}: stops every task of a sweep that has not ended (tasks still waiting never start). */
final class SweepCancelTool {
    private SweepCancelTool() {
    }

    static Tool create(ToolContext tc) {
        return Tool.builder("stata_sweep_cancel")
                .title("Cancel a sweep")
                .description("Stops a sweep: tasks still waiting never start, running ones are cancelled like"
                        + " stata_job_cancel (on the cluster with scancel). Ended tasks keep their results.")
                .inputSchema("""
                        {"type": "object", "properties": {"sweep_id": %s},
                         "required": ["sweep_id"], "additionalProperties": false}""".formatted(SweepStatusTool.SWEEP_ID))
                .outputSchema(SweepResult.OUTPUT_SCHEMA)
                .annotations(new ToolAnnotations("Cancel a sweep", false, true, true, false))
                .handler((args, ctx) -> {
                    SweepId id = SweepStatusTool.sweepId(args);
                    if (SweepStatusTool.find(tc, id).isEmpty()) {
                        return SweepStatusTool.unknown(id);
                    }
                    tc.requests().get().sweeps().cancel(id, "cancelled with stata_sweep_cancel");
                    // Wait briefly for the cancels to land, so the answer shows the tasks ended where possible.
                    return SweepStatusTool.waitFor(tc, id, ctx, tc.clock().instant().plus(
                            tc.jobs().get().settings().cancelGrace().plusSeconds(10)), false);
                })
                .build();
    }
}
