package dev.statamcp.server.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.server.jobs.Job;
import dev.statamcp.server.json.Json;
import dev.statamcp.server.results.Uris;
import java.time.Instant;

/** A job as JSON, the same for tools, resources and the REST API. */
public final class JobView {
    private JobView() {
    }

    public static ObjectNode of(Job job, Instant now) {
        ObjectNode n = Json.object();
        n.put("job_id", job.id().value());
        n.put("status", job.status().wireName());
        n.put("kind", job.spec().kind().wireName());
        n.put("session", job.spec().session());
        n.put("what", job.spec().describe());
        n.put("origin", job.origin());
        n.set("spec", Json.MAPPER.valueToTree(job.spec()));
        n.put("created_at", job.createdAt().toString());
        putIfPresent(n, "started_at", job.startedAt() == null ? null : job.startedAt().toString());
        putIfPresent(n, "finished_at", job.finishedAt() == null ? null : job.finishedAt().toString());
        if (job.startedAt() != null) {
            Instant end = job.finishedAt() != null ? job.finishedAt() : now;
            n.put("elapsed_seconds", (end.toEpochMilli() - job.startedAt().toEpochMilli()) / 1000.0);
        }
        if (job.rc() == null) {
            n.putNull("rc");
        } else {
            n.put("rc", job.rc());
        }
        n.put("commands_done", job.progress().commandsDone());
        if (job.progress().commandsTotal() == null) {
            n.putNull("commands_total");
        } else {
            n.put("commands_total", job.progress().commandsTotal());
        }
        putIfPresent(n, "last_line", job.progress().lastLine());
        putIfPresent(n, "summary", job.summary());
        putIfPresent(n, "reason", job.cancelReason());
        if (job.error() != null) {
            n.set("error", job.error());
        }
        n.set("graph_files", Json.MAPPER.valueToTree(job.graphs()));
        if (job.executor() != null && job.executor().hasNonNull("slurm_task_id")) {
            // Lets the user look at a cluster job with Slurm's own tools (squeue, sacct, scontrol).
            n.put("slurm_job_id", job.executor().get("slurm_task_id").asText());
        }
        n.put("log_uri", Uris.jobLog(job.id().value()));
        return n;
    }

    /** Optional facts are left out rather than null, so schemas with string types hold. */
    private static void putIfPresent(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }
}
