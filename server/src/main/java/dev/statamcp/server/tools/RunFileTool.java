package dev.statamcp.server.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.tools.Tool;
import dev.statamcp.mcp.tools.ToolAnnotations;
import dev.statamcp.server.jobs.JobKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code stata_run_file}: a do-file, in a session, as its own batch process, or on a cluster. */
final class RunFileTool {
    private RunFileTool() {
    }

    static Tool create(ToolContext tc) {
        return Tool.builder("stata_run_file")
                .title("Run a do-file")
                .description("Runs a do-file. mode=session (default) runs it in a persistent session, like `do file`"
                        + " at the prompt: its data and results stay for later calls. mode=batch runs it as its own"
                        + " Stata batch process that survives a server restart (nothing is shared with sessions)."
                        + " mode=cluster submits it to the Slurm cluster when the server runs with --executor slurm."
                        + " Progress shows the command being run out of the total; errors come back with the line"
                        + " in the do-file. The path must lie inside the workspace folders.")
                .inputSchema("""
                        {"type": "object",
                         "properties": {
                           "path": {"type": "string", "minLength": 1,
                                    "description": "The do-file; relative paths start at the first workspace folder."},
                           "cwd": {"type": "string",
                                   "description": "Working directory. session mode: the session changes to it (like cd) before the do-file runs; batch/cluster: Stata starts there and writes its log there. Default: the session's directory, or the do-file's folder for batch."},
                           "args": {"type": "array", "items": {"type": "string"},
                                    "description": "Arguments, seen inside the do-file as `1', `2', ... and `0'."},
                           "mode": {"type": "string", "enum": ["session", "batch", "cluster"], "default": "session"},
                           "cluster": {"type": "object", "additionalProperties": false,
                                       "description": "Slurm options for mode=cluster (defaults from the server's settings).",
                                       "properties": {"partition": {"type": "string"}, "time": {"type": "string"},
                                                      "cpus": {"type": "integer", "minimum": 1},
                                                      "mem": {"type": "string"}, "account": {"type": "string"}}},
                           %s
                         },
                         "required": ["path"], "additionalProperties": false}""".formatted(RunCall.COMMON_PROPERTIES))
                .outputSchema(Schemas.RUN_OUTPUT)
                .annotations(new ToolAnnotations("Run a do-file", false, true, false, false))
                .taskSupport("optional")
                .handler((args, ctx) -> tc.runCall().run(args, ctx, () -> {
                    JobKind kind = switch (args.path("mode").asText("session")) {
                        case "batch" -> JobKind.BATCH;
                        case "cluster" -> JobKind.CLUSTER;
                        default -> JobKind.FILE;
                    };
                    String session = kind == JobKind.FILE ? args.path("session").asText("default")
                            : kind.wireName();
                    return tc.requests().get().file(tc.roots().policyFor(ctx), kind, args.get("path").asText(),
                            args.hasNonNull("cwd") ? args.get("cwd").asText() : null, strings(args.get("args")),
                            session, RunCall.optionalInt(args, "timeout_seconds"), RunCall.output(args),
                            RunCall.optionalInt(args, "max_output_chars"), cluster(args.get("cluster")),
                            RunTool.origin(ctx, "mcp"));
                }))
                .build();
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(a -> out.add(a.asText()));
        }
        return out;
    }

    static Map<String, String> cluster(JsonNode options) {
        Map<String, String> out = new LinkedHashMap<>();
        if (options instanceof ObjectNode o) {
            o.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
    }
}
