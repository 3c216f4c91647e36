package dev.statamcp.server.tools;

import dev.statamcp.mcp.tools.Tool;
import dev.statamcp.mcp.tools.ToolAnnotations;
import dev.statamcp.mcp.tools.ToolResult;
import dev.statamcp.server.jobs.JobId;
import dev.statamcp.server.jobs.JobManager;
import dev.statamcp.server.jobs.UnknownJobException;
import java.time.Clock;
import java.time.Duration;

/**
 * {@code stata_job_wait}: a bounded long-poll. Sends progress while it waits and returns the result when the job
 * ends within the time given. Cancelling this call stops the waiting only, never the job (that is
 * stata_job_cancel's work): a wait is an observer.
 */
final class JobWaitTool {
    static final int MAX_SECONDS = 300;

    private JobWaitTool() {
    }

    static Tool create(ToolContext tc) {
        return Tool.builder("stata_job_wait")
                .title("Wait for a job")
                .description("Waits up to `seconds` (at most 300) for a Stata job to end, sending progress while it"
                        + " waits, and returns its result as soon as it ends, or its current position when the"
                        + " time is up (then call again). Does not stop the job.")
                .inputSchema("""
                        {"type": "object",
                         "properties": {
                           "job_id": %s,
                           "seconds": {"type": "integer", "minimum": 1, "maximum": %d, "default": 60,
                                       "description": "How long to wait at most."}
                         },
                         "required": ["job_id"], "additionalProperties": false}"""
                        .formatted(Schemas.JOB_ID, MAX_SECONDS))
                .outputSchema(Schemas.RUN_OUTPUT)
                .annotations(new ToolAnnotations("Wait for a job", true, false, true, false))
                .handler((args, ctx) -> {
                    JobManager jobs = tc.jobs().get();
                    Clock clock = tc.clock();
                    JobWaiter waiter = tc.waiter();
                    JobId id = JobIds.from(args);
                    if (jobs.find(id).isEmpty()) {
                        return ToolResult.error(new UnknownJobException(id).getMessage());
                    }
                    Duration wait = Duration.ofSeconds(args.path("seconds").asInt(60));
                    JobWaiter.Outcome outcome = waiter.await(id, ctx, clock.instant().plus(wait));
                    if (outcome instanceof JobWaiter.Outcome.Finished) {
                        return StoredResult.toToolResult(jobs.result(id).orElseThrow());
                    }
                    return JobResultTool.stillRunning(jobs.find(id).orElseThrow(), clock);
                })
                .build();
    }
}
