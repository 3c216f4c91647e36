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
import dev.statamcp.server.jobs.JobRejectedException;
import dev.statamcp.server.jobs.UnknownJobException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@code stata_job_cancel}: stops a job through the one cancel path (Break, then kill after a grace period). */
final class JobCancelTool {
    private JobCancelTool() {
    }

    static Tool create(ToolContext tc) {
        return Tool.builder("stata_job_cancel")
                .title("Cancel a job")
                .description("Stops a queued or running Stata job. Stata first gets a Break (the session and its data"
                        + " survive); if it does not stop within a few seconds its process is killed and the session"
                        + " restarted (its data is then lost). The job ends `cancelled` with its partial log kept."
                        + " An ended job is left as it is.")
                .inputSchema("""
                        {"type": "object", "properties": {"job_id": %s},
                         "required": ["job_id"], "additionalProperties": false}""".formatted(Schemas.JOB_ID))
                .outputSchema("""
                        {"type": "object", "properties": {"job_id": {"type": "string"}, "status": {"type": "string"}},
                         "required": ["job_id", "status"]}""")
                .annotations(new ToolAnnotations("Cancel a job", false, true, true, false))
                .handler((args, ctx) -> {
                    JobManager jobs = tc.jobs().get();
                    Clock clock = tc.clock();
                    JobId id = JobIds.from(args);
                    Job ended;
                    try {
                        long graceMs = jobs.settings().cancelGrace().toMillis();
                        ended = jobs.cancel(id, "cancelled with stata_job_cancel")
                                .get(graceMs + 10_000, TimeUnit.MILLISECONDS);
                    } catch (java.util.concurrent.ExecutionException | CompletionException e) {
                        Throwable cause = e.getCause();
                        if (cause instanceof UnknownJobException || cause instanceof JobRejectedException) {
                            return ToolResult.error(cause.getMessage());
                        }
                        throw e;
                    } catch (TimeoutException e) {
                        Job now = jobs.find(id).orElseThrow();
                        ObjectNode view = JobView.of(now, clock.instant());
                        return new ToolResult(List.of(Content.text("Job " + id + " is being stopped; check it with"
                                + " stata_job_status.")), view, false);
                    }
                    ObjectNode view = JobView.of(ended, clock.instant());
                    return new ToolResult(List.of(Content.text(JobStatusTool.describe(ended, view))), view, false);
                })
                .build();
    }
}
