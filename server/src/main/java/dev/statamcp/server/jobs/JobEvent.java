package dev.statamcp.server.jobs;

import java.time.Instant;

/** What watchers of a job (a waiting tool call, an SSE stream, the dashboard) are told, in order. */
public sealed interface JobEvent {
    JobId job();

    Instant at();

    record Started(JobId job, Instant at) implements JobEvent {
    }

    record Line(JobId job, Instant at, String text, boolean echo) implements JobEvent {
    }

    /** Position and last line; also sent as a heartbeat when Stata is silent. */
    record Progress(JobId job, Instant at, JobProgress progress, String state) implements JobEvent {
    }

    /** The job ended and its result is already in the store. */
    record Finished(JobId job, Instant at, Job finished) implements JobEvent {
    }
}
