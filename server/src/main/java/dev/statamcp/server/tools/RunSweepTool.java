package dev.statamcp.server.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.jsonrpc.McpException;
import dev.statamcp.mcp.server.RequestContext;
import dev.statamcp.mcp.tools.Tool;
import dev.statamcp.mcp.tools.ToolAnnotations;
import dev.statamcp.mcp.tools.ToolResult;
import dev.statamcp.server.jobs.JobRejectedException;
import dev.statamcp.server.safety.PathRefusedException;
import dev.statamcp.server.safety.ShellEscapeRefusedException;
import dev.statamcp.server.sweep.SweepMode;
import dev.statamcp.server.sweep.SweepRequest;
import dev.statamcp.server.sweep.SweepView;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code stata_run_sweep}: one do-file, once per argument list — on the cluster as one Slurm job array, locally in
 * fresh Stata sessions a few at a time. Waits like the run tools (progress: tasks done of the total) unless
 * {@code background}; a call cancelled while it waits cancels the sweep.
 */
final class RunSweepTool {
    private RunSweepTool() {
    }

    static Tool create(ToolContext tc) {
        return Tool.builder("stata_run_sweep")
                .title("Run a do-file over many argument lists")
                .description("Runs one do-file once per argument list (a parameter sweep, bootstrap or Monte Carlo"
                        + " replications): args=[[\"1\",\"100\"],[\"2\",\"100\"]] runs it twice, each run seeing"
                        + " its list as `1', `2', ... Each task runs in a fresh Stata in the working directory."
                        + " mode=cluster submits one Slurm job array (server started with --executor slurm);"
                        + " mode=local runs the tasks in new Stata sessions of this server, max_parallel at a time."
                        + " Every task is a job: the result lists each task's status, rc and last output lines with"
                        + " its job_id (stata_job_result gives a task's full result); a failing task is reported as"
                        + " failed without stopping the others. The path must lie inside the workspace folders.")
                .inputSchema("""
                        {"type": "object",
                         "properties": {
                           "path": {"type": "string", "minLength": 1,
                                    "description": "The do-file; relative paths start at the first workspace folder."},
                           "args": {"type": "array", "minItems": 1, "maxItems": %d,
                                    "items": {"type": "array", "items": {"type": ["string", "number", "boolean"]}},
                                    "description": "One argument list per task."},
                           "cwd": {"type": "string",
                                   "description": "Working directory of every task. Default: the do-file's folder."},
                           "max_parallel": {"type": "integer", "minimum": 1,
                                            "description": "At most this many tasks at once. Default: cluster, as many as Slurm allows; local, as many as free Stata sessions."},
                           "mode": {"type": "string", "enum": ["local", "cluster"],
                                    "description": "Default: cluster when the server runs with --executor slurm, else local."},
                           "cluster": {"type": "object", "additionalProperties": false,
                                       "description": "Slurm options for each task (defaults from the server's settings).",
                                       "properties": {"partition": {"type": "string"}, "time": {"type": "string"},
                                                      "cpus": {"type": "integer", "minimum": 1},
                                                      "mem": {"type": "string"}, "account": {"type": "string"}}},
                           "timeout_seconds": {"type": "integer", "minimum": 1,
                                               "description": "Stop a task after this many seconds of running (on the cluster also its Slurm time limit)."},
                           "background": {"type": "boolean", "default": false,
                                          "description": "Return the sweep id and task job ids at once; follow it with stata_sweep_status."},
                           "output": {"type": "string", "enum": ["compact", "full"], "default": "compact",
                                      "description": "Output shape of each task's own result."},
                           "max_output_chars": {"type": "integer", "minimum": 1000, "maximum": 2000000,
                                                "description": "Output limit of each task's own result."}
                         },
                         "required": ["path", "args"], "additionalProperties": false}"""
                        .formatted(SweepRequest.MAX_TASKS))
                .outputSchema(SweepResult.OUTPUT_SCHEMA)
                .annotations(new ToolAnnotations("Run a do-file over many argument lists", false, true, false,
                        false))
                .handler((args, ctx) -> run(tc, args, ctx))
                .build();
    }

    private static ToolResult run(ToolContext tc, ObjectNode args, RequestContext ctx) throws InterruptedException {
        SweepView sweep;
        try {
            sweep = tc.requests().get().sweep(tc.roots().policyFor(ctx), args.get("path").asText(),
                    args.hasNonNull("cwd") ? args.get("cwd").asText() : null, argLists(args.get("args")),
                    RunCall.optionalInt(args, "max_parallel"), mode(args), RunFileTool.cluster(args.get("cluster")),
                    RunCall.optionalInt(args, "timeout_seconds"), RunCall.output(args),
                    RunCall.optionalInt(args, "max_output_chars"), RunTool.origin(ctx, "mcp"));
        } catch (PathRefusedException | ShellEscapeRefusedException | JobRejectedException e) {
            return ToolResult.error(e.getMessage());
        }
        if (args.path("background").asBoolean(false)) {
            return SweepResult.render(sweep, tc.clock().instant());
        }
        return SweepStatusTool.waitFor(tc, sweep.record().sweepId(), ctx,
                tc.maxCall() == null ? null : tc.clock().instant().plus(tc.maxCall()), true);
    }

    private static SweepMode mode(ObjectNode args) {
        return args.hasNonNull("mode") ? SweepMode.fromWire(args.get("mode").asText()) : null;
    }

    static List<List<String>> argLists(JsonNode lists) {
        List<List<String>> out = new ArrayList<>();
        if (lists == null || !lists.isArray() || lists.isEmpty()) {
            throw McpException.invalidParams("'args' must be a non-empty array of argument lists, e.g."
                    + " [[\"1\", \"100\"], [\"2\", \"100\"]]");
        }
        for (JsonNode list : lists) {
            if (!list.isArray()) {
                throw McpException.invalidParams("each item of 'args' must be an array (one argument list per"
                        + " task), got " + list);
            }
            List<String> one = new ArrayList<>();
            list.forEach(a -> one.add(a.asText()));
            out.add(one);
        }
        return out;
    }
}
