package dev.statamcp.server.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.mcp.content.Content;
import dev.statamcp.mcp.tools.ToolResult;
import dev.statamcp.server.jobs.Job;
import dev.statamcp.server.jobs.JobStatus;
import dev.statamcp.server.json.Json;
import dev.statamcp.server.output.LogFiles;
import dev.statamcp.server.results.Uris;
import dev.statamcp.server.sweep.SweepView;
import dev.statamcp.server.sweep.SweepView.TaskView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A sweep as a tool result: one line per task (what it ran, how it ended, its job id) and in structuredContent the
 * same per task, with each task's error facts and the last lines of its output. A task's full result is its job's:
 * {@code stata_job_result(job_id)}. A failed task never hides the others; the result is an error only when no
 * task succeeded.
 */
final class SweepResult {
    /** Output lines of each task shown in the sweep's result (its whole output is in its job's result). */
    static final int TAIL_LINES = 5;

    private SweepResult() {
    }

    static final String OUTPUT_SCHEMA = """
            {"type": "object",
             "properties": {
               "sweep_id": {"type": "string"},
               "status": {"type": "string", "enum": ["queued", "running", "succeeded", "failed", "cancelled"]},
               "mode": {"type": "string", "enum": ["local", "cluster"]},
               "path": {"type": "string"},
               "cwd": {"type": "string"},
               "slurm_job_id": {"type": ["string", "null"]},
               "tasks_total": {"type": "integer"},
               "tasks_done": {"type": "integer"},
               "counts": {"type": "object", "additionalProperties": {"type": "integer"}},
               "tasks": {"type": "array", "items": {"type": "object",
                 "properties": {
                   "task": {"type": "integer"},
                   "args": {"type": "array", "items": {"type": "string"}},
                   "job_id": {"type": ["string", "null"]},
                   "status": {"type": "string",
                              "enum": ["queued", "running", "succeeded", "failed", "cancelled", "timed_out", "interrupted"]},
                   "rc": {"type": ["integer", "null"]},
                   "duration_seconds": {"type": ["number", "null"]},
                   "summary": {"type": "string"},
                   "error": {"type": "object"},
                   "state": {"type": "string"},
                   "output_tail": {"type": "array", "items": {"type": "string"}},
                   "log_uri": {"type": "string"}
                 },
                 "required": ["task", "args", "status"]}},
               "next": {"type": "string"}
             },
             "required": ["sweep_id", "status", "mode", "tasks_total", "tasks_done", "tasks"]}""";

    static ToolResult render(SweepView sweep, Instant now) {
        ObjectNode out = structured(sweep, now);
        StringBuilder text = new StringBuilder(headline(sweep));
        for (TaskView t : sweep.tasks()) {
            text.append('\n').append(line(t));
        }
        text.append('\n').append(out.get("next").asText());
        boolean nothingWorked = sweep.terminal() && sweep.tasks().stream()
                .noneMatch(t -> t.status() == JobStatus.SUCCEEDED);
        return new ToolResult(List.of(Content.text(text.toString())), out, nothingWorked);
    }

    static ObjectNode structured(SweepView sweep, Instant now) {
        var record = sweep.record();
        ObjectNode out = Json.object();
        out.put("sweep_id", record.id());
        out.put("status", sweep.status().wireName());
        out.put("mode", record.mode().wireName());
        out.put("path", record.path());
        out.put("cwd", record.cwd());
        if (record.slurmJobId() == null) {
            out.putNull("slurm_job_id");
        } else {
            out.put("slurm_job_id", record.slurmJobId());
        }
        out.put("tasks_total", sweep.tasks().size());
        out.put("tasks_done", sweep.done());
        ObjectNode counts = out.putObject("counts");
        sweep.counts().forEach((status, n) -> counts.put(status.wireName(), n));
        ArrayNode tasks = out.putArray("tasks");
        for (TaskView t : sweep.tasks()) {
            tasks.add(task(t, now));
        }
        out.put("next", next(sweep));
        return out;
    }

    private static ObjectNode task(TaskView t, Instant now) {
        ObjectNode o = Json.object();
        o.put("task", t.task());
        ArrayNode args = o.putArray("args");
        t.args().forEach(args::add);
        o.put("status", t.status().wireName());
        Job job = t.job();
        if (job == null) {
            o.putNull("job_id");
            o.putNull("rc");
            o.putNull("duration_seconds");
            if (t.error() != null) {
                o.putObject("error").put("message", t.error());
                o.put("summary", t.error());
            }
            return o;
        }
        o.put("job_id", job.id().value());
        if (job.rc() == null) {
            o.putNull("rc");
        } else {
            o.put("rc", job.rc());
        }
        if (job.startedAt() != null) {
            Instant end = job.finishedAt() != null ? job.finishedAt() : now;
            o.put("duration_seconds", (end.toEpochMilli() - job.startedAt().toEpochMilli()) / 1000.0);
        } else {
            o.putNull("duration_seconds");
        }
        if (job.summary() != null) {
            o.put("summary", job.summary());
        }
        if (job.error() != null && job.error().isObject()) {
            o.set("error", job.error());
        }
        if (!job.isTerminal() && job.progress().lastLine() != null) {
            o.put("state", job.progress().lastLine());
        }
        ArrayNode tail = o.putArray("output_tail");
        outputTail(job).forEach(tail::add);
        o.put("log_uri", Uris.jobLog(job.id().value()));
        return o;
    }

    /** The last lines the task printed, without the echo of commands and the do-file's framing. */
    static List<String> outputTail(Job job) {
        List<String> lines = new ArrayList<>();
        for (String l : LogFiles.tail(job.logPath(), 60)) {
            String s = l.strip();
            if (!s.isEmpty() && !l.startsWith(". ") && !s.equals(".") && !l.startsWith("> ")
                    && !s.equals("end of do-file") && !s.startsWith("* stata-mcp sweep task")) {
                lines.add(l.stripTrailing());
            }
        }
        return lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
    }

    static String headline(SweepView sweep) {
        var record = sweep.record();
        String where = record.mode().wireName() + (record.slurmJobId() == null ? ""
                : ", Slurm job array " + record.slurmJobId());
        Map<JobStatus, Long> counts = sweep.counts();
        String parts = counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().wireName())
                .collect(Collectors.joining(", "));
        String state = sweep.terminal() ? sweep.status().wireName() : sweep.done() + "/" + sweep.tasks().size()
                + " done";
        return "Sweep " + record.id() + " (" + where + ") of " + record.path() + ": " + sweep.tasks().size()
                + " tasks, " + state + " — " + parts + ".";
    }

    static String line(TaskView t) {
        StringBuilder s = new StringBuilder("task ").append(t.task()).append(" [")
                .append(String.join(" ", t.args())).append("]: ").append(t.status().wireName());
        Job job = t.job();
        if (job == null) {
            return t.error() == null ? s.toString() : s.append(" — ").append(t.error()).toString();
        }
        if (job.rc() != null && job.rc() != 0) {
            s.append(" r(").append(job.rc()).append(')');
        }
        if (job.isTerminal() && job.status() != JobStatus.SUCCEEDED && job.summary() != null) {
            s.append(" — ").append(job.summary().lines().findFirst().orElse(""));
        } else if (!job.isTerminal() && job.progress().lastLine() != null) {
            s.append(" — ").append(job.progress().lastLine().strip());
        }
        return s.append(" (job ").append(job.id()).append(')').toString();
    }

    static String next(SweepView sweep) {
        String id = sweep.record().id();
        if (!sweep.terminal()) {
            return String.format(Locale.ROOT, "The sweep goes on in the background. Wait for it with"
                    + " stata_sweep_status(sweep_id=\"%s\", wait_seconds=...), stop it with"
                    + " stata_sweep_cancel; each task is a job: stata_job_status / stata_job_result(job_id).", id);
        }
        return "Each task's full output, graphs and error facts: stata_job_result(job_id).";
    }
}
