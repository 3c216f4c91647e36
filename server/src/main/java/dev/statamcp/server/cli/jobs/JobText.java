package dev.statamcp.server.cli.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statamcp.server.cli.progress.ProgressLine;
import dev.statamcp.server.jobs.Job;
import dev.statamcp.server.jobs.JobFolders;
import dev.statamcp.server.results.RunResultRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A job in words for the terminal: how it ended, the error facts with their hint, and where its files are. */
public final class JobText {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private JobText() {
    }

    /** One sentence: how the job ended (or where it is), with the time it took. */
    public static String outcome(Job job, Instant now) {
        String id = job.id().value();
        String took = seconds(duration(job, now));
        String reason = job.cancelReason() == null ? "" : ": " + job.cancelReason();
        return switch (job.status()) {
            case QUEUED -> "Job " + id + " is queued.";
            case RUNNING -> "Job " + id + " is running (" + took + " so far, " + commands(job) + ").";
            // It ran to its end, so every command ran (the stored count can lag a moment behind the last one).
            case SUCCEEDED -> "Job " + id + " succeeded in " + took + " (" + (job.progress().commandsTotal() != null
                    ? job.progress().commandsTotal() + " commands" : commands(job)) + ").";
            case FAILED -> job.rc() != null
                    ? "Job " + id + " failed with Stata error r(" + job.rc() + ") after " + took + "."
                    : "Job " + id + " failed after " + took + ": " + text(job.error(), "message", "Stata stopped") + ".";
            case CANCELLED -> "Job " + id + " was cancelled after " + took + reason + ".";
            case TIMED_OUT -> "Job " + id + " timed out after " + took + reason + ".";
            case INTERRUPTED -> "Job " + id + " was interrupted after " + took + reason + ".";
        };
    }

    /** The error facts of a failed job: message, where, the command, and the hint; empty for other jobs. */
    public static List<String> errorFacts(Job job) {
        List<String> lines = new ArrayList<>();
        JsonNode e = job.error();
        if (e == null || e.isNull()) {
            return lines;
        }
        String message = text(e, "message", "");
        if (!message.isBlank()) {
            lines.add("  error:   " + (job.rc() != null ? "r(" + job.rc() + ") " : "") + message);
        }
        if (e.hasNonNull("line")) {
            lines.add("  line:    " + e.get("line").asInt());
        }
        String command = text(e, "command", "");
        if (!command.isBlank()) {
            lines.add("  command: " + command);
        }
        String hint = text(e, "hint", "");
        if (!hint.isBlank()) {
            lines.add("  hint:    " + hint.replace("\n", "\n           "));
        }
        return lines;
    }

    /** Where the job's log and graphs are, as absolute paths; graphs that are not (or no longer) on disk are left out. */
    public static List<String> files(Job job, JobFolders folders) {
        List<String> lines = new ArrayList<>();
        if (job.logPath() != null) {
            lines.add("Log:    " + job.logPath());
        }
        List<Path> graphs = graphFiles(job, folders);
        for (int i = 0; i < graphs.size(); i++) {
            lines.add((i == 0 ? "Graphs: " : "        ") + graphs.get(i));
        }
        return lines;
    }

    public static List<Path> graphFiles(Job job, JobFolders folders) {
        return job.graphs().stream().map(name -> folders.graphs(job.id()).resolve(name))
                .filter(Files::isRegularFile).toList();
    }

    /** True when the stored result says it came from the emulator, not Stata. */
    public static boolean ranOnEmulator(Job job) {
        return job.summary() != null && job.summary().contains(RunResultRenderer.EMULATOR_NOTE);
    }

    public static Duration duration(Job job, Instant now) {
        Instant from = job.startedAt() != null ? job.startedAt() : job.createdAt();
        Instant to = job.finishedAt() != null ? job.finishedAt() : now;
        return Duration.between(from, to).isNegative() ? Duration.ZERO : Duration.between(from, to);
    }

    public static String seconds(Duration d) {
        double s = d.toMillis() / 1000.0;
        return s < 60 ? String.format(Locale.ROOT, "%.1f s", s) : ProgressLine.clock(d);
    }

    public static String commands(Job job) {
        long done = job.progress().commandsDone();
        Long total = job.progress().commandsTotal();
        return total != null ? done + " of " + total + " commands" : done + (done == 1 ? " command" : " commands");
    }

    public static String local(Instant at) {
        return at == null ? "-" : LOCAL.format(at);
    }

    static String text(JsonNode node, String field, String otherwise) {
        return node != null && node.hasNonNull(field) ? node.get(field).asText() : otherwise;
    }
}
