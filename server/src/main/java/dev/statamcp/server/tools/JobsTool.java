package dev.statamcp.server.tools;

import dev.statamcp.server.resources.JobView;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.content.Content;
import dev.statamcp.mcp.tools.Tool;
import dev.statamcp.mcp.tools.ToolAnnotations;
import dev.statamcp.mcp.tools.ToolResult;
import dev.statamcp.server.jobs.Job;
import dev.statamcp.server.jobs.JobManager;
import dev.statamcp.server.jobs.JobStatus;
import dev.statamcp.server.json.Json;
import dev.statamcp.server.store.JobStore.JobFilter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** {@code stata_jobs}: recent jobs, newest first. */
final class JobsTool {
    private JobsTool() {
    }

    static Tool create(ToolContext tc) {
        return Tool.builder("stata_jobs")
                .title("List jobs")
                .description("Lists Stata jobs, newest first, with their state, what they run and how far they got."
                        + " Filter by status or session. Jobs started by any client, the CLI or the REST API appear.")
                .inputSchema("""
                        {"type": "object",
                         "properties": {
                           "status": {"type": "string", "enum": ["queued", "running", "succeeded", "failed",
                                      "cancelled", "timed_out", "interrupted"]},
                           "session": {"type": "string"},
                           "limit": {"type": "integer", "minimum": 1, "maximum": 200, "default": 20}
                         },
                         "additionalProperties": false}""")
                .outputSchema("""
                        {"type": "object", "properties": {"jobs": {"type": "array", "items": {"type": "object",
                          "properties": {"job_id": {"type": "string"}, "status": {"type": "string"}},
                          "required": ["job_id", "status"]}}}, "required": ["jobs"]}""")
                .annotations(new ToolAnnotations("List jobs", true, false, true, false))
                .handler((args, ctx) -> {
                    JobManager jobs = tc.jobs().get();
                    Clock clock = tc.clock();
                    List<JobStatus> statuses = args.hasNonNull("status")
                            ? List.of(JobStatus.fromWire(args.get("status").asText())) : List.of();
                    String session = args.hasNonNull("session") ? args.get("session").asText() : null;
                    List<Job> list = jobs.list(new JobFilter(statuses, session, null, args.path("limit").asInt(20),
                            false));
                    Instant now = clock.instant();
                    ObjectNode out = Json.object();
                    ArrayNode array = out.putArray("jobs");
                    StringBuilder text = new StringBuilder(list.isEmpty() ? "No jobs." : "");
                    for (Job j : list) {
                        ObjectNode view = JobView.of(j, now);
                        array.add(view);
                        text.append(j.id()).append("  ").append(String.format("%-11s", j.status().wireName()))
                                .append(" ").append(j.spec().session()).append("  ").append(j.spec().describe())
                                .append('\n');
                    }
                    return new ToolResult(List.of(Content.text(text.toString().strip())), out, false);
                })
                .build();
    }
}
