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
import dev.statamcp.server.jobs.UnknownJobException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** {@code stata_job_result}: the stored result of an ended job, the same shape a synchronous call returns. */
final class JobResultTool {
    private JobResultTool() {
    }

    static Tool create(ToolContext tc) {
        return Tool.builder("stata_job_result")
                .title("Job result")
                .description("Returns the result of an ended Stata job exactly as a synchronous stata_run or"
                        + " stata_run_file would have: output, graphs, error facts. Results are stored before they"
                        + " are delivered, so this works after a timeout, a disconnect or a server restart. For a"
                        + " job still running it says so; use stata_job_wait to wait for it.")
                .inputSchema("""
                        {"type": "object", "properties": {"job_id": %s},
                         "required": ["job_id"], "additionalProperties": false}""".formatted(Schemas.JOB_ID))
                .outputSchema(Schemas.RUN_OUTPUT)
                .annotations(new ToolAnnotations("Job result", true, false, true, false))
                .handler((args, ctx) -> {
                    JobManager jobs = tc.jobs().get();
                    Clock clock = tc.clock();
                    JobId id = JobIds.from(args);
                    Optional<String> stored = jobs.result(id);
                    if (stored.isPresent()) {
                        return StoredResult.toToolResult(stored.get());
                    }
                    Optional<Job> job = jobs.find(id);
                    if (job.isEmpty()) {
                        return ToolResult.error(new UnknownJobException(id).getMessage());
                    }
                    return stillRunning(job.get(), clock);
                })
                .build();
    }

    /** The result for a job that has not ended: where it is and what to call next. */
    static ToolResult stillRunning(Job job, Clock clock) {
        ObjectNode view = JobView.of(job, clock.instant());
        view.put("next", NextSteps.forRunning(job));
        String text = JobStatusTool.describe(job, view) + "\n" + NextSteps.forRunning(job);
        return new ToolResult(List.of(Content.text(text)), view, false);
    }
}
