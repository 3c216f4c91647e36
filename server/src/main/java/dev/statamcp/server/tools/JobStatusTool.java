package dev.statamcp.server.tools;

import dev.statamcp.server.resources.JobView;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.content.Content;
import dev.statamcp.mcp.tools.Tool;
import dev.statamcp.mcp.tools.ToolAnnotations;
import dev.statamcp.mcp.tools.ToolResult;
import dev.statamcp.server.jobs.Job;
import dev.statamcp.server.jobs.JobId;
import dev.statamcp.server.jobs.JobManager;
import dev.statamcp.server.output.LogFiles;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** {@code stata_job_status}: where a job is, with the end of its log. */
final class JobStatusTool {
    private JobStatusTool() {
    }

    static Tool create(ToolContext tc) {
        return Tool.builder("stata_job_status")
                .title("Job status")
                .description("Shows a Stata job's state (queued, running, succeeded, failed, cancelled, timed_out,"
                        + " interrupted), its position (command n of total), elapsed time and the last lines of its"
                        + " log. Returns at once; use stata_job_wait to wait for the end.")
                .inputSchema("""
                        {"type": "object",
                         "properties": {
                           "job_id": %s,
                           "tail_lines": {"type": "integer", "minimum": 0, "maximum": 500, "default": 20,
                                          "description": "How many lines of the log's end to include."}
                         },
                         "required": ["job_id"], "additionalProperties": false}""".formatted(Schemas.JOB_ID))
                .outputSchema("""
                        {"type": "object",
                         "properties": {"job_id": {"type": "string"}, "status": {"type": "string"},
                                        "log_tail": {"type": "array", "items": {"type": "string"}}},
                         "required": ["job_id", "status"]}""")
                .annotations(new ToolAnnotations("Job status", true, false, true, false))
                .handler((args, ctx) -> {
                    JobManager jobs = tc.jobs().get();
                    Clock clock = tc.clock();
                    JobId id = JobIds.from(args);
                    Optional<Job> job = jobs.find(id);
                    if (job.isEmpty()) {
                        return ToolResult.error(new dev.statamcp.server.jobs.UnknownJobException(id).getMessage());
                    }
                    ObjectNode view = JobView.of(job.get(), clock.instant());
                    List<String> tail = LogFiles.tail(job.get().logPath(), args.path("tail_lines").asInt(20));
                    tail.forEach(view.putArray("log_tail")::add);
                    if (!job.get().isTerminal()) {
                        view.put("next", NextSteps.forRunning(job.get()));
                    }
                    String text = describe(job.get(), view) + (tail.isEmpty() ? "" : "\n\n" + String.join("\n", tail));
                    return new ToolResult(List.of(Content.text(text)), view, false);
                })
                .build();
    }

    static String describe(Job job, ObjectNode view) {
        StringBuilder sb = new StringBuilder("Job ").append(job.id()).append(": ").append(job.status().wireName());
        if (view.has("elapsed_seconds")) {
            sb.append(" after ").append(view.get("elapsed_seconds").asDouble()).append(" s");
        }
        if (job.progress().commandsTotal() != null) {
            sb.append(", command ").append(job.progress().commandsDone()).append(" of ")
                    .append(job.progress().commandsTotal());
        }
        if (job.rc() != null) {
            sb.append(", rc ").append(job.rc());
        }
        sb.append(" — ").append(job.spec().describe());
        if (job.summary() != null) {
            sb.append("\n").append(job.summary());
        }
        return sb.toString();
    }
}
