package dev.statamcp.server.results;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.server.jobs.ExecutionOutcome;
import dev.statamcp.server.jobs.Job;
import dev.statamcp.server.jobs.JobKind;
import dev.statamcp.server.jobs.JobProgress;
import dev.statamcp.server.jobs.JobStatus;
import dev.statamcp.server.jobs.ResultRenderer;
import dev.statamcp.server.json.Json;
import dev.statamcp.server.output.LogLine;
import dev.statamcp.server.output.OutputShaper;
import dev.statamcp.server.output.ShapedOutput;
import dev.statamcp.server.store.JobStore.Completion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders a run's end as the MCP tool result that is stored and delivered: the shaped output as text, graphs as
 * images the model can see (within limits; beyond them as resource links), and {@code structuredContent} with
 * the job's facts — for a Stata error {rc, message, line, command, hint, log_tail}.
 */
public final class RunResultRenderer implements ResultRenderer {
    private static final Logger LOG = LoggerFactory.getLogger(RunResultRenderer.class);

    private final ErrorHints hints;
    private final RenderLimits limits;
    private final Clock clock;
    private final BooleanSupplier onEmulator;

    /** @param onEmulator true when runs go to the bundled emulator: every result then says so */
    public RunResultRenderer(ErrorHints hints, RenderLimits limits, Clock clock, BooleanSupplier onEmulator) {
        this.hints = hints;
        this.limits = limits;
        this.clock = clock;
        this.onEmulator = onEmulator;
    }

    /** The sentence every result carries when Stata is the emulator. */
    public static final String EMULATOR_NOTE = "Ran on fakestata, the Stata emulator bundled for tests and demos:"
            + " these results are the emulator's, not Stata's.";

    @Override
    public Completion render(Job job, JobStatus status, ExecutionOutcome outcome, String reason) {
        String id = job.id().value();
        String logUri = Uris.jobLog(id);
        int maxChars = job.spec().maxOutputChars() != null ? job.spec().maxOutputChars() : limits.maxOutputChars();
        boolean isFile = job.spec().kind() != JobKind.CODE;
        ShapedOutput shaped = OutputShaper.shape(outcome.lines(), job.spec().output(), isFile, maxChars, logUri,
                outcome.omittedLines(), outcome.omittedAt());

        ObjectNode structured = Json.object();
        structured.put("job_id", id);
        structured.put("status", status.wireName());
        structured.put("session", job.spec().session());
        if (outcome.rc() != null) {
            structured.put("rc", outcome.rc());
        } else {
            structured.putNull("rc");
        }
        structured.put("duration_seconds", Math.round(outcome.duration().toMillis() / 100.0) / 10.0);
        structured.put("log_uri", logUri);
        structured.put("truncated", shaped.truncated());
        structured.put("omitted_lines", shaped.omittedLines());

        ArrayNode content = Json.MAPPER.createArrayNode();
        if (!shaped.text().isEmpty()) {
            content.addObject().put("type", "text").put("text", shaped.text());
        }
        ObjectNode error = null;
        if (status == JobStatus.FAILED || status == JobStatus.INTERRUPTED) {
            error = errorFacts(outcome, job);
            structured.setAll(error);
        }
        if (reason != null) {
            structured.put("reason", reason);
        }
        String summary = summary(job, status, outcome, reason, error)
                + (onEmulator.getAsBoolean() ? "\n" + EMULATOR_NOTE : "");
        content.addObject().put("type", "text").put("text", summary);

        List<String> graphNames = new ArrayList<>();
        ArrayNode graphs = structured.putArray("graphs");
        int images = 0;
        long imageBytes = 0;
        for (Path file : outcome.graphs()) {
            String name = file.getFileName().toString();
            graphNames.add(name);
            String uri = Uris.graph(id, name);
            String mime = mimeOf(name);
            graphs.addObject().put("name", stem(name)).put("file", name).put("uri", uri).put("mime_type", mime);
            long size = sizeOf(file);
            boolean inline = mime.equals("image/png") && images < limits.maxImages()
                    && imageBytes + size <= limits.maxImageBytes() && size > 0;
            if (inline) {
                try {
                    content.addObject().put("type", "image").put("mimeType", mime)
                            .put("data", Base64.getEncoder().encodeToString(Files.readAllBytes(file)));
                    images++;
                    imageBytes += size;
                    continue;
                } catch (IOException e) {
                    LOG.warn("graph {} of job {} could not be read: {}", name, id, e.getMessage());
                }
            }
            content.addObject().put("type", "resource_link").put("uri", uri).put("name", name)
                    .put("mimeType", mime).put("description", "graph " + stem(name) + " from job " + id);
        }
        if (shaped.truncated() || error != null) {
            content.addObject().put("type", "resource_link").put("uri", logUri).put("name", "log of job " + id)
                    .put("mimeType", "text/plain").put("description", "the full Stata log of this run");
        }

        ObjectNode result = Json.object();
        result.set("content", content);
        result.set("structuredContent", structured);
        result.put("isError", status != JobStatus.SUCCEEDED);
        JobProgress last = new JobProgress(job.progress().commandsDone(), job.progress().commandsTotal(),
                lastNonBlank(outcome.lines()));
        return new Completion(status, clock.instant(), outcome.rc(), error, summary, Json.write(result),
                graphNames, reason, last, outcome.log());
    }

    private ObjectNode errorFacts(ExecutionOutcome outcome, Job job) {
        ObjectNode e = Json.object();
        int rc = outcome.rc() == null ? -1 : outcome.rc();
        if (outcome.rc() != null) {
            e.put("rc", rc);
        }
        e.put("message", outcome.message() == null ? "" : outcome.message());
        if (outcome.line() != null) {
            e.put("line", outcome.line());
        } else {
            e.putNull("line");
        }
        e.put("command", outcome.command() == null ? "" : outcome.command());
        e.put("hint", outcome.rc() == null ? "" : hints.hint(rc, outcome.message(), job.spec().cwd()));
        List<String> tail = new ArrayList<>();
        List<LogLine> lines = outcome.lines();
        for (int i = Math.max(0, lines.size() - limits.logTailLines()); i < lines.size(); i++) {
            tail.add(lines.get(i).text());
        }
        e.put("log_tail", String.join("\n", tail).strip());
        return e;
    }

    private static String summary(Job job, JobStatus status, ExecutionOutcome outcome, String reason,
                                  ObjectNode error) {
        String id = job.id().value();
        String took = String.format(Locale.ROOT, "%.1f s", outcome.duration().toMillis() / 1000.0);
        return switch (status) {
            case SUCCEEDED -> "Job " + id + " succeeded in " + took + ".";
            case FAILED -> {
                if (outcome.rc() == null) {
                    yield "Job " + id + " failed: " + (outcome.message() == null ? "Stata stopped" : outcome.message());
                }
                String where = error.get("line").isNull() ? "" : " at line " + error.get("line").asInt();
                String cmd = error.get("command").asText().isEmpty() ? "" : " (" + error.get("command").asText() + ")";
                yield "Stata error r(" + outcome.rc() + ")" + where + cmd + ": " + error.get("message").asText()
                        + "\nHint: " + error.get("hint").asText();
            }
            case CANCELLED -> "Job " + id + " was cancelled after " + took + (reason != null ? ": " + reason
                    : outcome.message() != null ? ": " + outcome.message() : "")
                    + "." + sessionLost(job, outcome) + " The output so far is above; the full log is at "
                    + Uris.jobLog(id) + ".";
            // Without a reason of ours, the scheduler stopped it at its own limit and its message says so.
            case TIMED_OUT -> reason == null && outcome.message() != null
                    ? "Job " + id + " timed out after " + took + ": " + outcome.message() + "."
                    : "Job " + id + " timed out after " + took + (reason == null ? "" : " (" + reason + ")")
                    + ". The output so far is above; raise timeout_seconds or run it with background=true.";
            case INTERRUPTED -> "Job " + id + " was interrupted: " + reason + ".";
            case QUEUED, RUNNING -> throw new IllegalArgumentException("not an end: " + status);
        };
    }

    /** What a kill (Stata did not stop at Break) cost a console session: everything it held. */
    private static String sessionLost(Job job, ExecutionOutcome outcome) {
        JobKind kind = job.spec().kind();
        if (outcome.ending() != ExecutionOutcome.Ending.KILLED || kind != JobKind.CODE && kind != JobKind.FILE) {
            return "";
        }
        return " Stata did not stop at Break, so it was killed: session '" + job.spec().session() + "' starts"
                + " afresh on its next use, and the data, macros and results it held are gone.";
    }

    private static String lastNonBlank(List<LogLine> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).text().isBlank()) {
                return lines.get(i).text();
            }
        }
        return null;
    }

    static String mimeOf(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".png")) {
            return "image/png";
        }
        if (lower.endsWith(".svg")) {
            return "image/svg+xml";
        }
        if (lower.endsWith(".pdf")) {
            return "application/pdf";
        }
        return "application/octet-stream";
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
