package dev.statamcp.server.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.server.jobs.Job;
import dev.statamcp.server.jobs.JobId;
import dev.statamcp.server.jobs.JobManager;
import dev.statamcp.server.jobs.JobStatus;
import dev.statamcp.server.json.Json;
import dev.statamcp.server.rest.logs.LogRanges;
import dev.statamcp.server.store.JobStore.JobFilter;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Jobs: list, start, look at, cancel, and read what they left (result, log, graphs). */
final class JobRoutes {
    /** How long a cancel request waits for the job to end before answering 202 (still stopping). */
    static final long CANCEL_WAIT_MS = 2000;

    private final ApiContext context;

    JobRoutes(ApiContext context) {
        this.context = context;
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "/api/jobs", this::list),
                new Route("POST", "/api/jobs", this::start),
                new Route("GET", "/api/jobs/{id}", this::get),
                new Route("POST", "/api/jobs/{id}/cancel", this::cancel),
                new Route("GET", "/api/jobs/{id}/result", this::result),
                new Route("GET", "/api/jobs/{id}/log", this::log),
                new Route("GET", "/api/jobs/{id}/log.txt", this::logText),
                new Route("GET", "/api/jobs/{id}/graphs", this::graphs),
                new Route("GET", "/api/jobs/{id}/graphs/{file}", this::graph));
    }

    private JobManager jobs() {
        return context.jobs().get();
    }

    static JobId id(String raw) {
        if (!JobId.isWellFormed(raw)) {
            throw ApiException.notFound("'" + raw + "' is not a job id (ids look like j0mhx2k3a9f1b2c3)");
        }
        return new JobId(raw);
    }

    static Job job(JobManager jobs, String raw) {
        JobId id = id(raw);
        return jobs.find(id).orElseThrow(() -> ApiException.notFound("no job " + id + " in the store (ended jobs"
                + " are kept for a limited time); GET /api/jobs lists them"));
    }

    private void list(Exchange ex) {
        List<JobStatus> statuses = new ArrayList<>();
        String status = ex.query("status");
        if (status != null && !status.isBlank()) {
            for (String s : status.split(",")) {
                statuses.add(JobStatus.fromWire(s));
            }
        }
        String order = ex.query("order") == null ? "newest" : ex.query("order").toLowerCase(Locale.ROOT);
        if (!order.equals("newest") && !order.equals("oldest")) {
            throw ApiException.badRequest("'order' must be newest or oldest");
        }
        JobFilter filter = new JobFilter(statuses, blankToNull(ex.query("session")), blankToNull(ex.query("origin")),
                ex.intQuery("limit", 50, 1, 1000), order.equals("oldest"));
        ObjectNode out = Json.object();
        ArrayNode array = out.putArray("jobs");
        var now = context.clock().instant();
        jobs().list(filter).forEach(j -> array.add(JobJson.of(j, now)));
        ex.json(200, out);
    }

    private void start(Exchange ex) throws Exception {
        ObjectNode body = ex.jsonBody();
        Job job = JobStartRequest.submit(body, context.requests().get(), context.paths().get());
        Job current = jobs().find(job.id()).orElse(job);
        ex.response().getHeaders().put("Location", "/api/jobs/" + job.id().value());
        ex.json(202, JobJson.of(current, context.clock().instant()));
    }

    private void get(Exchange ex) {
        ex.json(200, JobJson.of(job(jobs(), ex.param("id")), context.clock().instant()));
    }

    private void cancel(Exchange ex) throws Exception {
        Job job = job(jobs(), ex.param("id"));
        if (job.isTerminal()) {
            ex.json(200, JobJson.of(job, context.clock().instant()));
            return;
        }
        String reason = "cancelled through the REST API";
        ObjectNode body = ex.jsonBody();
        if (body.hasNonNull("reason") && !body.get("reason").asText().isBlank()) {
            reason = body.get("reason").asText();
        }
        CompletableFuture<Job> ended = jobs().cancel(job.id(), reason);
        try {
            Job done = ended.get(CANCEL_WAIT_MS, TimeUnit.MILLISECONDS);
            ex.json(200, JobJson.of(done, context.clock().instant()));
        } catch (TimeoutException stillStopping) {
            ex.json(202, JobJson.of(jobs().find(job.id()).orElse(job), context.clock().instant()));
        }
    }

    private void result(Exchange ex) {
        Job job = job(jobs(), ex.param("id"));
        var stored = jobs().result(job.id());
        if (stored.isPresent()) {
            ex.rawJson(200, stored.get());
        } else if (!job.isTerminal()) {
            throw ApiException.conflict("not_finished", "job " + job.id() + " is " + job.status().wireName()
                    + "; its result is stored when it ends (follow /api/jobs/" + job.id() + "/events)");
        } else {
            throw ApiException.notFound("job " + job.id() + " ended (" + job.status().wireName() + ") without a"
                    + " stored result; its log is at /api/jobs/" + job.id() + "/log");
        }
    }

    private void log(Exchange ex) throws Exception {
        Job job = job(jobs(), ex.param("id"));
        boolean raw = ex.boolQuery("raw");
        if (ex.query("tail") != null) {
            if (ex.query("offset") != null) {
                throw ApiException.badRequest("give 'tail' or 'offset', not both");
            }
            ex.json(200, LogRanges.tail(job, ex.intQuery("tail", 100, 1, LogRanges.MAX_TAIL), raw));
            return;
        }
        long offset = 0;
        if (ex.query("offset") != null) {
            try {
                offset = Long.parseLong(ex.query("offset").trim());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("'offset' must be a byte offset (a whole number)");
            }
            if (offset < 0) {
                throw ApiException.badRequest("'offset' must not be negative");
            }
        }
        int limit = ex.intQuery("limit", LogRanges.DEFAULT_LIMIT, 1, LogRanges.MAX_LIMIT);
        ex.json(200, LogRanges.range(job, offset, limit, raw));
    }

    /** The whole log as Stata wrote it, streamed in 64 KiB pieces (never held in memory). */
    private void logText(Exchange ex) throws Exception {
        Job job = job(jobs(), ex.param("id"));
        Path log = job.logPath();
        if (log == null || !Files.isRegularFile(log)) {
            throw ApiException.notFound("job " + job.id() + " has no log " + (job.isTerminal() ? "(it wrote none)"
                    : "yet (it is " + job.status().wireName() + ")"));
        }
        ex.response().getHeaders().put("Content-Disposition", "inline; filename=\"" + job.id() + ".log\"");
        ex.stream(200, "text/plain; charset=utf-8", out -> {
            try (InputStream in = Files.newInputStream(log)) {
                in.transferTo(out);
            }
        });
    }

    private void graphs(Exchange ex) {
        Job job = job(jobs(), ex.param("id"));
        ObjectNode out = Json.object();
        out.put("job_id", job.id().value());
        out.put("status", job.status().wireName());
        ArrayNode list = out.putArray("graphs");
        JobJson.of(job, context.clock().instant()).get("graphs").forEach(list::add);
        ex.json(200, out);
    }

    private void graph(Exchange ex) throws Exception {
        Job job = job(jobs(), ex.param("id"));
        String name = ex.param("file");
        Path dir = jobs().folders().graphs(job.id());
        Path file = dir.resolve(name).normalize();
        if (name.contains("/") || name.contains("\\") || !file.startsWith(dir) || !Files.isRegularFile(file)) {
            throw ApiException.notFound("job " + job.id() + " has no graph '" + name + "'; GET /api/jobs/"
                    + job.id() + "/graphs lists them");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        String type = lower.endsWith(".png") ? "image/png" : lower.endsWith(".svg") ? "image/svg+xml"
                : lower.endsWith(".pdf") ? "application/pdf" : lower.endsWith(".jpg") || lower.endsWith(".jpeg")
                ? "image/jpeg" : "application/octet-stream";
        // A graph opened on its own must not run anything it may contain (SVG can carry script).
        ex.response().getHeaders().put("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
        ex.stream(200, type, out -> {
            try (InputStream in = Files.newInputStream(file)) {
                in.transferTo(out);
            }
        });
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
