package dev.statamcp.server.tools;

import dev.statamcp.server.resources.JobView;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.content.Content;
import dev.statamcp.mcp.server.RequestContext;
import dev.statamcp.mcp.tools.ToolResult;
import dev.statamcp.server.jobs.Job;
import dev.statamcp.server.jobs.JobManager;
import dev.statamcp.server.jobs.JobRejectedException;
import dev.statamcp.server.jobs.OutputMode;
import dev.statamcp.server.safety.PathRefusedException;
import dev.statamcp.server.safety.ShellEscapeRefusedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * What every run tool does once it has a job: return at once ({@code background}), or wait for the end while
 * sending progress, up to {@code --max-call-seconds}; then it returns a "still running" result with the job id and
 * the job goes on. A cancelled call cancels its job (the caller asked to stop the work); a client that merely
 * goes away does not.
 */
final class RunCall {
    private final JobManager jobs;
    private final JobWaiter waiter;
    private final Duration maxCall;
    private final Clock clock;

    RunCall(JobManager jobs, JobWaiter waiter, Duration maxCall, Clock clock) {
        this.jobs = jobs;
        this.waiter = waiter;
        this.maxCall = maxCall;
        this.clock = clock;
    }

    ToolResult run(ObjectNode args, RequestContext context, Supplier<Job> submit) throws InterruptedException {
        Job job;
        try {
            job = submit.get();
        } catch (PathRefusedException | ShellEscapeRefusedException | JobRejectedException e) {
            return ToolResult.error(e.getMessage());
        }
        if (args.path("background").asBoolean(false)) {
            return accepted(job);
        }
        Instant deadline = maxCall == null ? null : clock.instant().plus(maxCall);
        JobWaiter.Outcome outcome = waiter.await(job.id(), context, deadline);
        if (outcome instanceof JobWaiter.Outcome.Finished) {
            return StoredResult.toToolResult(jobs.result(job.id()).orElseThrow());
        }
        if (outcome instanceof JobWaiter.Outcome.CallCancelled) {
            String why = context.cancelReason();
            jobs.cancel(job.id(), "the client cancelled the call" + (why == null || why.isBlank() ? "" : ": " + why));
        }
        // Still running (deadline), or nobody to deliver to: either way the job goes on and its result is kept.
        return JobResultTool.stillRunning(jobs.find(job.id()).orElse(job), clock);
    }

    private ToolResult accepted(Job job) {
        ObjectNode view = JobView.of(job, clock.instant());
        view.put("next", NextSteps.forRunning(job));
        return new ToolResult(List.of(Content.text("Started job " + job.id() + " (" + job.spec().describe() + ") in"
                + " the background. " + NextSteps.forRunning(job))), view, false);
    }

    static OutputMode output(ObjectNode args) {
        return OutputMode.fromWire(args.path("output").asText("compact"));
    }

    static Integer optionalInt(ObjectNode args, String field) {
        return args.hasNonNull(field) ? args.get(field).asInt() : null;
    }

    /** Input schema fragments every run tool shares. */
    static final String COMMON_PROPERTIES = """
            "session": {"type": "string", "pattern": "^[A-Za-z0-9_-]{1,32}$", "default": "default",
                        "description": "Persistent Stata session to run in; data, macros, r() and e() stay between calls. Other names start separate sessions."},
            "timeout_seconds": {"type": "integer", "minimum": 1,
                        "description": "Stop the run (Break, then kill) after this many seconds. Default: the server's limit, usually none."},
            "background": {"type": "boolean", "default": false,
                        "description": "Return the job id at once instead of waiting; collect the result with stata_job_wait or stata_job_result."},
            "output": {"type": "string", "enum": ["compact", "full"], "default": "compact",
                        "description": "compact drops the echo of do-file lines, markup and progress dots (never data or results); full is the log as Stata wrote it."},
            "max_output_chars": {"type": "integer", "minimum": 1000, "maximum": 2000000,
                        "description": "Limit on the output text; beyond it the head and the tail are kept with a link to the full log. Default about 40000."}""";
}
