package dev.statamcp.server.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.server.jobs.Job;
import dev.statamcp.server.json.Json;
import dev.statamcp.server.results.Uris;
import java.time.Duration;
import java.time.Instant;

/** A job described for tools: the facts a model needs to decide what to do next. */
final class JobViews {
    private JobViews() {
    }

    static ObjectNode summary(Job job, Instant now) {
        ObjectNode n = Json.object();
        n.put("job_id", job.id().value());
        n.put("status", job.status().wireName());
        n.put("kind", job.spec().kind().wireName());
        n.put("session", job.spec().session());
        n.put("what", job.spec().describe());
        n.put("created_at", job.createdAt().toString());
        putInstant(n, "started_at", job.startedAt());
        putInstant(n, "finished_at", job.finishedAt());
        if (job.startedAt() != null) {
            Instant end = job.finishedAt() != null ? job.finishedAt() : now;
            n.put("elapsed_seconds", Math.round(Duration.between(job.startedAt(), end).toMillis() / 100.0) / 10.0);
        }
        if (job.rc() != null) {
            n.put("rc", job.rc());
        } else {
            n.putNull("rc");
        }
        n.put("commands_done", job.progress().commandsDone());
        if (job.progress().commandsTotal() != null) {
            n.put("commands_total", job.progress().commandsTotal());
        } else {
            n.putNull("commands_total");
        }
        if (job.progress().lastLine() != null) {
            n.put("last_line", job.progress().lastLine());
        } else {
            n.putNull("last_line");
        }
        if (job.summary() != null) {
            n.put("summary", job.summary());
        }
        if (job.cancelReason() != null) {
            n.put("reason", job.cancelReason());
        }
        n.put("log_uri", Uris.jobLog(job.id().value()));
        return n;
    }

    /** What to call next for a job that has not ended. */
    static String nextStep(Job job) {
        String id = job.id().value();
        return "The job goes on in the background. Wait for it with stata_job_wait(job_id=\"" + id
                + "\"), check it with stata_job_status, stop it with stata_job_cancel; its result stays available"
                + " through stata_job_result after it ends.";
    }

    private static void putInstant(ObjectNode n, String field, Instant value) {
        if (value == null) {
            n.putNull(field);
        } else {
            n.put(field, value.toString());
        }
    }
}
