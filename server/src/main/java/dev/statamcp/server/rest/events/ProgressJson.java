package dev.statamcp.server.rest.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.server.jobs.Job;
import dev.statamcp.server.jobs.JobProgress;
import dev.statamcp.server.json.Json;
import java.time.Instant;

/** The {@code progress} event's data: where a job is, in a few fields. */
final class ProgressJson {
    private ProgressJson() {
    }

    static ObjectNode of(Job job, String state, Instant now) {
        JobProgress p = job.progress();
        ObjectNode o = Json.object();
        o.put("job_id", job.id().value());
        o.put("status", job.status().wireName());
        o.put("commands_done", p.commandsDone());
        if (p.commandsTotal() == null) {
            o.putNull("commands_total");
            o.putNull("percent");
        } else {
            o.put("commands_total", p.commandsTotal());
            o.put("percent", p.commandsTotal() <= 0 ? 0.0
                    : Math.min(100.0, Math.round(1000.0 * p.commandsDone() / p.commandsTotal()) / 10.0));
        }
        if (p.lastLine() != null) {
            o.put("last_line", p.lastLine());
        }
        if (state != null) {
            o.put("state", state);
        }
        if (job.startedAt() != null) {
            Instant end = job.finishedAt() != null ? job.finishedAt() : now;
            o.put("elapsed_seconds", (end.toEpochMilli() - job.startedAt().toEpochMilli()) / 1000.0);
        }
        return o;
    }
}
