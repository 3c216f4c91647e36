package dev.statamcp.server.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.jsonrpc.McpException;
import dev.statamcp.mcp.server.RequestContext;
import dev.statamcp.mcp.tools.Tool;
import dev.statamcp.mcp.tools.ToolAnnotations;
import dev.statamcp.mcp.tools.ToolResult;
import dev.statamcp.server.jobs.JobRejectedException;
import dev.statamcp.server.sweep.SweepId;
import dev.statamcp.server.sweep.SweepService;
import dev.statamcp.server.sweep.SweepView;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code stata_sweep_status}: where a sweep stands, per task; with {@code wait_seconds} it waits (sending progress)
 * until the sweep ends or the time is up. Waiting here is an observer: cancelling this call never stops the sweep.
 */
final class SweepStatusTool {
    static final String SWEEP_ID = """
            {"type": "string", "pattern": "^s[0-9a-z]{13}$",
             "description": "A sweep id as returned by stata_run_sweep (e.g. s0mhx2k3a9f1b2)."}""";

    private SweepStatusTool() {
    }

    static Tool create(ToolContext tc) {
        return Tool.builder("stata_sweep_status")
                .title("Sweep status")
                .description("Shows a sweep's tasks (status, rc, last output lines, job ids). With wait_seconds"
                        + " (at most 300) it waits for the sweep to end, sending progress (tasks done of the total),"
                        + " and returns as soon as it ends or when the time is up. Does not stop the sweep.")
                .inputSchema("""
                        {"type": "object",
                         "properties": {
                           "sweep_id": %s,
                           "wait_seconds": {"type": "integer", "minimum": 0, "maximum": %d, "default": 0}
                         },
                         "required": ["sweep_id"], "additionalProperties": false}"""
                        .formatted(SWEEP_ID, JobWaitTool.MAX_SECONDS))
                .outputSchema(SweepResult.OUTPUT_SCHEMA)
                .annotations(new ToolAnnotations("Sweep status", true, false, true, false))
                .handler((args, ctx) -> {
                    SweepId id = sweepId(args);
                    int wait = args.path("wait_seconds").asInt(0);
                    if (wait <= 0) {
                        return find(tc, id).map(v -> SweepResult.render(v, tc.clock().instant()))
                                .orElseGet(() -> unknown(id));
                    }
                    return waitFor(tc, id, ctx, tc.clock().instant().plus(Duration.ofSeconds(wait)), false);
                })
                .build();
    }

    /**
     * Waits for a sweep and returns it as it then stands.
     *
     * @param owning true when the call started the sweep: cancelling the call then cancels the sweep
     */
    static ToolResult waitFor(ToolContext tc, SweepId id, RequestContext ctx, Instant deadline, boolean owning)
            throws InterruptedException {
        SweepService sweeps = tc.requests().get().sweeps();
        if (sweeps.find(id).isEmpty()) {
            return unknown(id);
        }
        SweepWaiter waiter = new SweepWaiter(tc.jobs().get(), sweeps, tc.heartbeat(), tc.clock());
        SweepWaiter.Outcome outcome = waiter.await(id, ctx, deadline);
        if (outcome == SweepWaiter.Outcome.CALL_CANCELLED && owning) {
            String why = ctx.cancelReason();
            sweeps.cancel(id, "the client cancelled the call" + (why == null || why.isBlank() ? "" : ": " + why));
        }
        return SweepResult.render(sweeps.find(id).orElseThrow(), tc.clock().instant());
    }

    static Optional<SweepView> find(ToolContext tc, SweepId id) {
        try {
            return tc.requests().get().sweeps().find(id);
        } catch (JobRejectedException e) {
            return Optional.empty();
        }
    }

    static SweepId sweepId(ObjectNode args) {
        String raw = args.path("sweep_id").asText("");
        if (!SweepId.isWellFormed(raw)) {
            throw McpException.invalidParams("'sweep_id' must be a sweep id like s0mhx2k3a9f1b2, as returned by"
                    + " stata_run_sweep; got '" + raw + "'");
        }
        return new SweepId(raw);
    }

    static ToolResult unknown(SweepId id) {
        return ToolResult.error("no sweep " + id + " in this server's data directory (ids come from"
                + " stata_run_sweep)");
    }
}
