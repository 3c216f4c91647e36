package dev.statamcp.server.resources;

import dev.statamcp.mcp.content.ResourceContents;
import dev.statamcp.mcp.jsonrpc.McpException;
import dev.statamcp.mcp.resources.ResourceTemplate;
import dev.statamcp.server.jobs.Job;
import dev.statamcp.server.jobs.JobFolders;
import dev.statamcp.server.jobs.JobId;
import dev.statamcp.server.jobs.JobManager;
import dev.statamcp.server.json.Json;
import dev.statamcp.server.results.Uris;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** Resource templates for jobs: the job itself, its full log, and the graphs it exported. */
public final class JobResources {
    /** Logs larger than this are served from their end, with a line saying how much was left out. */
    static final long MAX_LOG_BYTES = 32L * 1024 * 1024;
    /** -32002: resource not found (MCP). */
    static final int NOT_FOUND = -32002;

    private JobResources() {
    }

    public static List<ResourceTemplate> templates(Supplier<JobManager> jobs, JobFolders folders, Clock clock) {
        return List.of(
                new ResourceTemplate("stata://jobs/{id}", "job", "Stata job",
                        "A job's state, position, return code and summary as JSON.", "application/json",
                        (uri, vars, ctx) -> List.of(ResourceContents.text(uri, "application/json",
                                Json.write(JobView.of(job(jobs.get(), vars.get("id")), clock.instant()))))),
                new ResourceTemplate("stata://jobs/{id}/log", "job-log", "Stata job log",
                        "A job's full Stata log as written (subscribe to hear when it grows).", "text/plain",
                        (uri, vars, ctx) -> List.of(ResourceContents.text(uri, "text/plain",
                                log(job(jobs.get(), vars.get("id")))))),
                new ResourceTemplate("stata://graphs/{job}/{file}", "graph", "Graph from a job",
                        "A graph a job exported (PNG, SVG or PDF).", null,
                        (uri, vars, ctx) -> {
                            JobId id = id(vars.get("job"));
                            Path file = folders.graphs(id).resolve(vars.get("file")).normalize();
                            if (!file.startsWith(folders.graphs(id)) || !Files.isRegularFile(file)) {
                                throw new McpException(NOT_FOUND, "no graph " + vars.get("file") + " in job " + id
                                        + "; stata_job_status lists a job's graphs");
                            }
                            return List.of(ResourceContents.blob(uri, mime(file), Files.readAllBytes(file)));
                        }));
    }

    static JobId id(String raw) {
        if (!JobId.isWellFormed(raw)) {
            throw new McpException(NOT_FOUND, "'" + raw + "' is not a job id");
        }
        return new JobId(raw);
    }

    static Job job(JobManager jobs, String raw) {
        JobId id = id(raw);
        return jobs.find(id).orElseThrow(() -> new McpException(NOT_FOUND, "no job " + id + " in the store"));
    }

    /** The log as text; a log over the limit is served from its end. */
    static String log(Job job) throws IOException {
        Path log = job.logPath();
        if (log == null || !Files.isRegularFile(log)) {
            return job.isTerminal() ? "(this job wrote no log)" : "(the job has not written its log yet)";
        }
        long size = Files.size(log);
        if (size <= MAX_LOG_BYTES) {
            return Files.readString(log, StandardCharsets.UTF_8);
        }
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            byte[] tail = new byte[(int) MAX_LOG_BYTES];
            f.seek(size - MAX_LOG_BYTES);
            f.readFully(tail);
            return "(the first " + (size - MAX_LOG_BYTES) + " bytes of this " + size + "-byte log are left out; the"
                    + " whole file is " + log + ")\n" + new String(tail, StandardCharsets.UTF_8);
        }
    }

    static String mime(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".png") ? "image/png" : name.endsWith(".svg") ? "image/svg+xml"
                : name.endsWith(".pdf") ? "application/pdf" : "application/octet-stream";
    }

    /** The URI of a job's log, for subscriptions. */
    public static String logUri(JobId id) {
        return Uris.jobLog(id.value());
    }
}
