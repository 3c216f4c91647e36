package dev.statamcp.server.tools;

import dev.statamcp.mcp.tools.Tool;
import dev.statamcp.mcp.tools.ToolAnnotations;
import dev.statamcp.server.jobs.JobKind;
import dev.statamcp.server.jobs.JobSpec;
import java.util.List;
import java.util.Map;

/** {@code stata_run}: Stata code in a persistent session. */
final class RunTool {
    private RunTool() {
    }

    static Tool create(ToolContext tc) {
        return Tool.builder("stata_run")
                .title("Run Stata code")
                .description("Runs Stata code in a persistent session (data in memory, macros, r() and e() stay"
                        + " between calls, as at the Stata prompt) and returns the output, any graphs the code drew"
                        + " as images, and for an error its return code, message, failing line and a hint. Long runs"
                        + " send progress and can be cancelled; every run is a job whose result is stored, so it can"
                        + " be fetched again with stata_job_result. Runs on one session queue up in order.")
                .inputSchema("""
                        {"type": "object",
                         "properties": {
                           "code": {"type": "string", "minLength": 1,
                                    "description": "Stata commands, one per line (/// continuations and #delimit ; work)."},
                           %s
                         },
                         "required": ["code"], "additionalProperties": false}""".formatted(RunCall.COMMON_PROPERTIES))
                .outputSchema(Schemas.RUN_OUTPUT)
                .annotations(new ToolAnnotations("Run Stata code", false, true, false, false))
                .taskSupport("optional")
                .handler((args, ctx) -> tc.runCall().run(args, ctx, () -> tc.requests().get().code(new JobSpec(JobKind.CODE,
                        args.path("session").asText("default"), args.get("code").asText(), null, null, List.of(),
                        RunCall.optionalInt(args, "timeout_seconds"), RunCall.output(args),
                        RunCall.optionalInt(args, "max_output_chars"), Map.of()), origin(ctx, "mcp"))))
                .build();
    }

    static String origin(dev.statamcp.mcp.server.RequestContext ctx, String fallback) {
        return ctx.session() == null ? fallback : "mcp:" + ctx.session().id();
    }
}
