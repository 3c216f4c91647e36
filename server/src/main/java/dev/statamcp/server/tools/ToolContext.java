package dev.statamcp.server.tools;

import dev.statamcp.server.app.JobRequests;
import dev.statamcp.server.app.StataEngine;
import dev.statamcp.server.jobs.JobFolders;
import dev.statamcp.server.jobs.JobManager;
import dev.statamcp.server.safety.RootsResolver;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * What the tools work with. The job system is opened in the background at start (so the first answer to the
 * client is not held up by the database), hence suppliers: a tool call waits for it if it comes very early.
 *
 * @param maxCall how long a synchronous run waits before answering "still running" (null: to the end)
 * @param heartbeat how often progress is sent while a call waits, even when Stata is silent
 */
public record ToolContext(Supplier<JobManager> jobs, Supplier<JobRequests> requests, StataEngine engine,
                          RootsResolver roots, JobFolders folders, Clock clock, Duration maxCall,
                          Duration heartbeat, int graphWidth) {

    JobWaiter waiter() {
        return new JobWaiter(jobs.get(), heartbeat, clock);
    }

    RunCall runCall() {
        return new RunCall(jobs.get(), waiter(), maxCall, clock);
    }
}
